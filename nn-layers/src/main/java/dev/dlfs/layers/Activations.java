package dev.dlfs.layers;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.ActivationKernels;

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
        return x.gt(0.0);
    }

    /** 1 / (1 + e^−x). */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** tanh(x). */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** max(0, x). */
    public static Tensor relu(Tensor x) {
        return x.maximum(0.0);
    }

    /** log(1 + eˣ), computed without overflow for large x. */
    public static Tensor softplus(Tensor x) {
        return ActivationKernels.softplus(x, Tensor.zerosLike(x));
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
}
