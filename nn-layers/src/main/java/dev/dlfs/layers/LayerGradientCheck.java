package dev.dlfs.layers;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.GradientCheck;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a layer's backward pass against numerical gradients, for the input and every parameter, in float64: the
 * test every layer plugin should pass. It differentiates the scalar {@code L = Σ dout ⊙ forward(x)}, whose gradient
 * is exactly what {@code backward(dout)} returns (for x) and writes (for the parameters).
 *
 * <pre>{@code
 * Layer layer = LayerRegistry.create(LayerSpec.of("swish"),
 *         new LayerContext(new int[] {5}, DType.FLOAT64, new SplittableRandom(1)));
 * Tensor x = Tensor.randn(new SplittableRandom(2), DType.FLOAT64, 4, 5);
 * LayerGradientCheck.check(layer, x).assertBelow(1e-6);
 * }</pre>
 *
 * <p>The layer must give the same output for the same input, which is verified (check Dropout in inference mode),
 * and its parameters must be float64 (create it with {@link DType#FLOAT64} in its {@link LayerContext}). Choose
 * inputs away from kinks such as relu's 0 and ties inside a max-pool window, where the numerical gradient is
 * meaningless.
 */
public final class LayerGradientCheck {
    private LayerGradientCheck() {
    }

    /** Checks in training mode with a random upstream gradient (fixed seed). */
    public static GradientCheck.Report check(Layer layer, Tensor x) {
        return check(layer, x, null, true);
    }

    /**
     * Checks with a given upstream gradient {@code dout} (null: standard normal, fixed seed) in training or
     * inference mode. {@code x} and the parameters are perturbed in place and restored.
     */
    public static GradientCheck.Report check(Layer layer, Tensor x, Tensor dout, boolean training) {
        String name = layer.getClass().getSimpleName();
        if (x.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("gradient check of " + name + ": input must be float64, got "
                    + x.describe());
        }
        for (Parameter p : layer.parameters()) {
            if (p.value().dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("gradient check of " + name + ": parameter " + p.name() + " is "
                        + p.value().describe() + "; create the layer with dtype float64 in its LayerContext");
            }
        }
        layer.needInputGradient(true);     // a network may have turned it off for its first layer
        Tensor first = layer.forward(x, training).copy();
        Tensor y = layer.forward(x, training);
        if (!first.equals(y)) {
            throw new IllegalStateException("gradient check of " + name + ": two forward passes on the same input"
                    + " differ (max difference " + first.maxAbsDiff(y) + "), so there is no fixed function to"
                    + " differentiate; random layers such as dropout must be checked in inference mode");
        }
        Tensor g = dout != null ? dout : Tensor.randn(new SplittableRandom(20250101L), DType.FLOAT64, y.shape());
        if (!Arrays.equals(g.shape(), y.shape()) || g.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("gradient check of " + name + ": upstream gradient " + g.describe()
                    + " does not match the output " + y.describe());
        }
        Tensor dx = layer.backward(g);
        if (!Arrays.equals(dx.shape(), x.shape())) {
            throw new AssertionError("gradient check of " + name + ": backward returned " + dx.describe()
                    + " for an input " + x.describe());
        }
        List<GradientCheck.Target> targets = new ArrayList<>();
        targets.add(new GradientCheck.Target("x", x, dx.copy()));   // copies: layers reuse their buffers
        for (Parameter p : layer.parameters()) {
            targets.add(new GradientCheck.Target(p.name(), p.value(), p.grad().copy()));
        }
        return GradientCheck.check(targets, () -> dot(g, layer.forward(x, training), name));
    }

    private static double dot(Tensor g, Tensor y, String name) {
        if (!Arrays.equals(g.shape(), y.shape())) {
            throw new IllegalStateException("gradient check of " + name + ": output shape changed to "
                    + Shapes.format(y.shape()));
        }
        double s = 0;
        for (int i = 0; i < g.size(); i++) {
            s += g.getFlat(i) * y.getFlat(i);
        }
        return s;
    }
}
