package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The book's chapter 2 perceptrons and chapter 3 three-layer network, with their hand-set weights. */
class BookNetworksTest {
    private static Layer layer(String type, Map<String, ?> options, int[] in, DType dtype) {
        return LayerRegistry.create(LayerSpec.of(type, options),
                new LayerContext(in, dtype, new SplittableRandom(1)));
    }

    /** An affine layer whose W and b are set by hand. */
    private static Layer affine(double[][] w, double[] b, DType dtype) {
        Layer a = layer("affine", Map.of("units", b.length), new int[] {w.length}, dtype);
        List<Parameter> p = a.parameters();
        assertEquals("W", p.get(0).name());
        assertEquals("b", p.get(1).name());
        p.get(0).value().copyFrom(Tensor.of(w).to(dtype));
        p.get(1).value().copyFrom(Tensor.of(b).to(dtype));
        return a;
    }

    private static Tensor run(Tensor x, Layer... layers) {
        Tensor y = x;
        for (Layer l : layers) {
            y = l.forward(y, false);
        }
        return y;
    }

    @Test
    void threeLayerNetworkOfChapter3() {
        for (DType dtype : DType.values()) {
            Layer a1 = affine(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}, new double[] {0.1, 0.2, 0.3}, dtype);
            Layer a2 = affine(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}, new double[] {0.1, 0.2}, dtype);
            Layer a3 = affine(new double[][] {{0.1, 0.3}, {0.2, 0.4}}, new double[] {0.1, 0.2}, dtype);
            Layer s = layer("sigmoid", Map.of(), new int[] {3}, dtype);
            Layer s2 = layer("sigmoid", Map.of(), new int[] {2}, dtype);
            Layer id = layer("identity", Map.of(), new int[] {2}, dtype);
            Tensor x = Tensor.of(new double[] {1.0, 0.5}, 1, 2).to(dtype);
            Tensor y = run(x, a1, s, a2, s2, a3, id);
            assertArrayEquals(new int[] {1, 2}, y.shape());
            assertArrayEquals(new double[] {0.31682708, 0.69627909}, y.toDoubleArray(),
                    dtype == DType.FLOAT64 ? 5e-9 : 1e-6, dtype.label());
        }
    }

    private static final double[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    private static double[] truthTable(Layer... layers) {
        Tensor y = run(Tensor.of(INPUTS), layers);
        assertArrayEquals(new int[] {4, 1}, y.shape());
        return y.toDoubleArray();
    }

    private static Layer gate(double w1, double w2, double b) {
        return affine(new double[][] {{w1}, {w2}}, new double[] {b}, DType.FLOAT64);
    }

    private static Layer step(int width) {
        return layer("step", Map.of(), new int[] {width}, DType.FLOAT64);
    }

    @Test
    void perceptronGates() {
        assertArrayEquals(new double[] {0, 0, 0, 1}, truthTable(gate(0.5, 0.5, -0.7), step(1)), 0.0, "AND");
        assertArrayEquals(new double[] {1, 1, 1, 0}, truthTable(gate(-0.5, -0.5, 0.7), step(1)), 0.0, "NAND");
        assertArrayEquals(new double[] {0, 1, 1, 1}, truthTable(gate(0.5, 0.5, -0.2), step(1)), 0.0, "OR");
    }

    @Test
    void xorIsTwoLayersOfGates() {
        // Layer 1 computes NAND and OR side by side, layer 2 ANDs them: the book's multi-layer perceptron.
        Layer nandOr = affine(new double[][] {{-0.5, 0.5}, {-0.5, 0.5}}, new double[] {0.7, -0.2}, DType.FLOAT64);
        Layer and = gate(0.5, 0.5, -0.7);
        assertArrayEquals(new double[] {0, 1, 1, 0}, truthTable(nandOr, step(2), and, step(1)), 0.0, "XOR");
        // and no single gate can: every AND/NAND/OR above differs from XOR somewhere
        assertTrue(List.of(truthTable(gate(0.5, 0.5, -0.7), step(1)), truthTable(gate(0.5, 0.5, -0.2), step(1)))
                .stream().noneMatch(t -> java.util.Arrays.equals(t, new double[] {0, 1, 1, 0})));
    }

    @Test
    void stepSaysItHasNoGradient() {
        Layer s = step(2);
        s.forward(Tensor.of(new double[][] {{1, -1}}), true);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> s.backward(Tensor.of(new double[][] {{1, 1}})));
        assertTrue(e.getMessage().contains("step has no gradient"), e.getMessage());
    }
}
