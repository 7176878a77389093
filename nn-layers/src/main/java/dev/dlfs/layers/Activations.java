package dev.dlfs.layers;

import dev.dlfs.layers.kernels.ActivationKernels;
import dev.dlfs.layers.kernels.ActivationKernels.Function;
import dev.dlfs.tensor.Tensor;

/**
 * The book's activation functions on tensors of any shape, float32 or float64; each returns a new tensor of the
 * input's dtype and shape.
 *
 * <pre>{@code
 * Tensor a = Tensor.of(new double[] {-1.0, 1.0, 2.0});
 * Activations.sigmoid(a);                 // [0.26894142, 0.73105858, 0.88079708]
 * Activations.softmax(Tensor.of(new double[] {0.3, 2.9, 4.0}));   // [0.01821127, 0.24519181, 0.73659691]
 * }</pre>
 */
public final class Activations {
    private Activations() {
    }

    /** 1 where x &gt; 0, else 0 (the perceptron's step function). */
    public static Tensor step(Tensor x) {
        return apply(Function.STEP, x);
    }

    /** 1 / (1 + e^−x). */
    public static Tensor sigmoid(Tensor x) {
        return apply(Function.SIGMOID, x);
    }

    /** tanh(x). */
    public static Tensor tanh(Tensor x) {
        return apply(Function.TANH, x);
    }

    /** max(0, x). */
    public static Tensor relu(Tensor x) {
        return apply(Function.RELU, x);
    }

    /** log(1 + eˣ), computed without overflow for large x. */
    public static Tensor softplus(Tensor x) {
        return apply(Function.SOFTPLUS, x);
    }

    /** A copy of x (the book's {@code identity_function}, as a new tensor like the others). */
    public static Tensor identity(Tensor x) {
        return x.copy();
    }

    /**
     * e^(x − max) / Σ e^(x − max) along the last axis: the whole vector for 1-D input, each row of a batch
     * otherwise. Subtracting the max keeps exp from overflowing without changing the result.
     */
    public static Tensor softmax(Tensor x) {
        return x.softmax();
    }

    private static Tensor apply(Function f, Tensor x) {
        return ActivationKernels.apply(f, x, Tensor.zerosLike(x));
    }
}
