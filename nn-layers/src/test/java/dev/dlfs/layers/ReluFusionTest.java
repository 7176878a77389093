package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A ReLU after an affine or convolution layer is applied by that layer as it adds its bias, and the ReLU passes its
 * input through: the pair must give the bits of the two layers run apart, forward and backward.
 */
class ReluFusionTest {
    private static Layer layer(String type, Map<String, ?> options, DType dtype, int... sampleShape) {
        return LayerRegistry.create(LayerSpec.of(type, options),
                new LayerContext(sampleShape, dtype, new SplittableRandom(5)));
    }

    /** Each value's bits (every NaN as the one canonical NaN). */
    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toDoubleArray()).mapToLong(Double::doubleToLongBits).toArray();
    }

    private static void assertFusedEqualsApart(String type, Map<String, ?> options, DType dtype, int... shape) {
        int[] sample = Arrays.copyOfRange(shape, 1, shape.length);
        Layer fusedPrevious = layer(type, options, dtype, sample);
        Layer fusedRelu = layer("relu", Map.of(), dtype, fusedPrevious.outputShape(sample));
        Layer previous = layer(type, options, dtype, sample);
        Layer relu = layer("relu", Map.of(), dtype, previous.outputShape(sample));
        assertTrue(fusedRelu.fuseAfter(fusedPrevious), type + " takes the ReLU over");
        List<Parameter> ps = previous.parameters();
        List<Parameter> fps = fusedPrevious.parameters();
        Tensor bias = Tensor.randn(new SplittableRandom(2), dtype, ps.get(1).value().shape());
        ps.get(1).value().copyFrom(bias);
        fps.get(1).value().copyFrom(bias);

        Tensor x = Tensor.randn(new SplittableRandom(7), dtype, shape);
        x.setFlat(3, Double.NaN);   // a NaN goes through both ReLUs as a NaN
        Tensor fusedOut = fusedPrevious.forward(x, true);
        Tensor y = fusedRelu.forward(fusedOut, true);
        Tensor expected = relu.forward(previous.forward(x, true), true);
        assertSame(fusedOut, y, "the ReLU passes its input through");
        assertArrayEquals(bits(expected), bits(y), type + " " + dtype + " forward");
        long zeros = Arrays.stream(y.toDoubleArray()).filter(v -> v == 0).count();
        assertTrue(zeros > y.size() / 4 && zeros < y.size() * 3 / 4, "about half the outputs are cut: " + zeros);

        Tensor dout = Tensor.randn(new SplittableRandom(9), dtype, y.shape());
        Tensor dx = fusedPrevious.backward(fusedRelu.backward(dout));
        Tensor expectedDx = previous.backward(relu.backward(dout));
        assertArrayEquals(bits(expectedDx), bits(dx), type + " " + dtype + " input gradient");
        for (int i = 0; i < ps.size(); i++) {
            assertArrayEquals(bits(ps.get(i).grad()), bits(fps.get(i).grad()),
                    type + " " + dtype + " gradient of " + ps.get(i).name());
        }
    }

    @Test
    void convolutionAndReluTogetherGiveTheBitsOfBothApart() {
        for (DType dtype : DType.values()) {
            assertFusedEqualsApart("convolution", Map.of("filters", 5, "size", 3, "pad", 1, "init", "he"), dtype,
                    3, 2, 9, 7);
            assertFusedEqualsApart("convolution", Map.of("filters", 4, "size", 3, "stride", 2, "init", "he"), dtype,
                    2, 3, 8, 8);
        }
    }

    @Test
    void affineAndReluTogetherGiveTheBitsOfBothApart() {
        for (DType dtype : DType.values()) {
            assertFusedEqualsApart("affine", Map.of("units", 37, "init", "he"), dtype, 6, 20);
        }
    }

    @Test
    void aReluAfterALayerWithoutABiasPassStaysALayerOfItsOwn() {
        Layer sigmoid = layer("sigmoid", Map.of(), DType.FLOAT32, 4);
        Layer relu = layer("relu", Map.of(), DType.FLOAT32, 4);
        assertFalse(relu.fuseAfter(sigmoid));
        Tensor x = Tensor.of(new double[][] {{-1, 2, -0.0, 3}});
        Tensor y = relu.forward(x, false);
        assertEquals(List.of(0.0, 2.0, 0.0, 3.0), Arrays.stream(y.toDoubleArray()).boxed().toList());
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(y.getFlat(2)), "max(-0, 0) is +0");
    }
}
