package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.GradientCheck;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every built-in layer's backward pass against numerical gradients, in float64, relative error below 1e-6. */
class LayerGradientCheckTest {
    private static final double TOL = 1e-6;

    private static Layer create(String type, Map<String, ?> options, int... sampleShape) {
        return LayerRegistry.create(LayerSpec.of(type, options),
                new LayerContext(sampleShape, DType.FLOAT64, new SplittableRandom(11)));
    }

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), DType.FLOAT64, shape);
    }

    /** Normal values pushed at least {@code gap} away from 0: no element sits on relu's kink. */
    private static Tensor awayFromZero(long seed, double gap, int... shape) {
        Tensor x = randn(seed, shape);
        for (int i = 0; i < x.size(); i++) {
            double v = x.getFlat(i);
            x.setFlat(i, v + Math.copySign(gap, v));
        }
        return x;
    }

    /**
     * Evenly spaced values {@code 0.1·k} in scrambled order (k ↦ 37·k mod n is a permutation for n coprime to 37):
     * no two elements within a pooling window are closer than 0.1, so a perturbation of 1e-4 never changes which one
     * wins.
     */
    private static Tensor distinct(int... shape) {
        Tensor x = Tensor.zeros(DType.FLOAT64, shape);
        int n = x.size();
        for (int i = 0; i < n; i++) {
            x.setFlat(i, 0.1 * ((37L * i) % n - n / 2.0) + 0.05);
        }
        return x;
    }

    private static GradientCheck.Report check(Layer layer, Tensor x) {
        GradientCheck.Report r = LayerGradientCheck.check(layer, x).assertBelow(TOL);
        List<String> names = r.tensors().stream().map(GradientCheck.TensorError::name).toList();
        assertTrue(names.contains("x"), names.toString());
        assertTrue(names.size() == 1 + layer.parameters().size(), names.toString());
        return r;
    }

    @Test
    void affineOn2dAnd4dInput() {
        check(create("affine", Map.of("units", 4), 6), randn(1, 3, 6));
        // (N, C, H, W) flattened as in the book; dx gets the 4-D shape back
        check(create("dense", Map.of("units", 3, "init", "he"), 2, 3, 2), randn(2, 4, 2, 3, 2));
    }

    @Test
    void elementWiseActivations() {
        check(create("relu", Map.of(), 5), awayFromZero(3, 0.01, 4, 5));
        check(create("sigmoid", Map.of(), 5), randn(4, 4, 5));
        check(create("tanh", Map.of(), 5), randn(5, 4, 5));
        check(create("softplus", Map.of(), 5), randn(6, 4, 5).mul(3.0));
        check(create("identity", Map.of(), 2, 3), randn(7, 2, 2, 3));
        check(create("softmax", Map.of(), 6), randn(8, 3, 6));
        check(create("flatten", Map.of(), 2, 3, 2), randn(9, 2, 2, 3, 2));
    }

    @Test
    void dropoutAtInferenceInBothConventions() {
        // (training draws a new mask on every forward pass; DropoutTest checks that mode against its mask)
        Layer book = create("dropout", Map.of("ratio", 0.3, "scale", "book"), 5);
        LayerGradientCheck.check(book, randn(11, 4, 5), null, false).assertBelow(TOL);
        Layer inverted = create("dropout", Map.of("ratio", 0.3), 5);
        LayerGradientCheck.check(inverted, randn(11, 4, 5), null, false).assertBelow(TOL);
    }

    @Test
    void batchNormalizationInTrainingAndInference() {
        Layer flat = create("batchnorm", Map.of(), 4);
        check(flat, randn(12, 6, 4));
        // inference after a few training steps, so the running statistics are not the initial zeros
        for (int i = 0; i < 3; i++) {
            flat.forward(randn(13 + i, 6, 4), true);
        }
        LayerGradientCheck.check(flat, randn(16, 6, 4), null, false).assertBelow(TOL);
        check(create("batch-normalization", Map.of(), 3, 2, 2), randn(17, 4, 3, 2, 2));
        check(create("batchnorm", Map.of("per-channel", false), 3, 2, 2), randn(18, 4, 3, 2, 2));
    }

    @Test
    void convolutionWithStrideAndPad() {
        check(create("convolution", Map.of("filters", 3, "size", 3), 2, 5, 5), randn(19, 2, 2, 5, 5));
        check(create("conv", Map.of("filters", 2, "size", List.of(3, 2), "stride", 2, "pad", 1,
                "init", Map.of("std", 0.5)), 2, 5, 6), randn(20, 2, 2, 5, 6));
        check(create("conv", Map.of("filters", 2, "size", 3, "stride", List.of(1, 2), "pad", List.of(2, 0),
                "init", Map.of("std", 0.5)), 2, 5, 6), randn(21, 5, 2, 5, 6));
    }

    @Test
    void maxAndAveragePooling() {
        check(create("pooling", Map.of("size", 2), 2, 4, 4), distinct(2, 2, 4, 4));
        check(create("max-pool", Map.of("size", 3, "stride", 2, "pad", 1), 2, 5, 5), distinct(2, 2, 5, 5));
        check(create("avg-pool", Map.of("size", 2, "stride", 1), 2, 4, 3), randn(23, 2, 2, 4, 3));
        check(create("pooling", Map.of("size", List.of(2, 3), "stride", List.of(2, 1), "pad", 1, "mode",
                "average"), 1, 5, 4), randn(24, 2, 1, 5, 4));
        check(create("max-pool", Map.of("size", 3, "stride", 2, "pad", List.of(1, 0)), 2, 5, 5),
                distinct(2, 2, 5, 5));
    }

    @Test
    void withoutTheInputGradientParameterGradientsAreUnchanged() {
        for (Layer layer : List.of(create("affine", Map.of("units", 4), 6),
                create("convolution", Map.of("filters", 2, "size", 3, "pad", 1), 2, 4, 4))) {
            Tensor x = randn(30, layer.parameters().get(0).value().rank() == 4
                    ? new int[] {2, 2, 4, 4} : new int[] {3, 6});
            Tensor g = randn(31, layer.forward(x, true).shape());
            layer.backward(g);
            List<Tensor> full = layer.parameters().stream().map(p -> p.grad().copy()).toList();
            layer.needInputGradient(false);
            layer.forward(x, true);
            assertTrue(layer.backward(g) == null, "no input gradient when it is not needed");
            for (int i = 0; i < full.size(); i++) {
                assertTrue(full.get(i).equals(layer.parameters().get(i).grad()), "parameter gradient " + i);
            }
            // the checker turns it back on
            LayerGradientCheck.check(layer, x).assertBelow(TOL);
        }
    }

    @Test
    void aWrongBackwardIsCaught() {
        // Softplus input in place of relu output: relu's backward then passes gradients where it must not.
        Layer broken = new Layer() {
            private final Layer relu = create("relu", Map.of(), 3);

            @Override
            public Tensor forward(Tensor x, boolean training) {
                return relu.forward(x, training);
            }

            @Override
            public Tensor backward(Tensor dout) {
                return dout.copy();
            }

            @Override
            public int[] outputShape(int[] inputShape) {
                return inputShape;
            }
        };
        Tensor x = Tensor.of(new double[][] {{1.0, -1.0, 2.0}});
        AssertionError e = assertThrows(AssertionError.class, () -> LayerGradientCheck.check(broken, x)
                .assertBelow(TOL));
        assertTrue(e.getMessage().contains("x(1, 3)") && e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void float32LayersAreRejectedWithAHint() {
        Layer f32 = LayerRegistry.create(LayerSpec.of("affine", Map.of("units", 2)),
                new LayerContext(new int[] {3}, DType.FLOAT32, new SplittableRandom(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerGradientCheck.check(f32, randn(1, 2, 3)));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }
}
