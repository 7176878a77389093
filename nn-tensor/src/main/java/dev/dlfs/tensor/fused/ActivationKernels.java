package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * The activation layers' kernels: softplus and the backward passes, which {@link Tensor} has no operation for, each
 * one pass over memory where tensor operations would take three or four; and ReLU, which runs on both cores where
 * {@code Tensor.maximum} takes one. Element-wise ones treat any shape as a flat run of elements, cut into ranges for
 * the threads when it is long (the bits do not depend on the cut); softmax works on rows along the last axis. All
 * operands have one dtype and shape, and the output may be an input. Each returns its output.
 */
public final class ActivationKernels {
    private ActivationKernels() {
    }

    /** {@code out = max(x, 0)}: the book's Relu (a NaN stays NaN, as with {@code Math.max}). */
    public static Tensor relu(Tensor x, Tensor out) {
        Operands.sameDtypeAndShape("relu", x, out);
        ActivationJob.run(ActivationJob.Kind.RELU, x, null, out);
        return out;
    }

    /** {@code out = log(1 + eˣ)}, computed so that it neither overflows nor loses small values. */
    public static Tensor softplus(Tensor x, Tensor out) {
        Operands.sameDtypeAndShape("softplus", x, out);
        ActivationJob.run(ActivationJob.Kind.SOFTPLUS, x, null, out);
        return out;
    }

    /** Relu's backward pass from its output {@code y}: {@code dx = dout} where {@code y > 0}, else 0. */
    public static Tensor reluBackward(Tensor y, Tensor dout, Tensor dx) {
        return backward("relu backward", ActivationJob.Kind.RELU_BACKWARD, y, dout, dx);
    }

    /** Sigmoid's backward pass from its output {@code y}: {@code dx = dout·y·(1 − y)}. */
    public static Tensor sigmoidBackward(Tensor y, Tensor dout, Tensor dx) {
        return backward("sigmoid backward", ActivationJob.Kind.SIGMOID_BACKWARD, y, dout, dx);
    }

    /** Tanh's backward pass from its output {@code y}: {@code dx = dout·(1 − y²)}. */
    public static Tensor tanhBackward(Tensor y, Tensor dout, Tensor dx) {
        return backward("tanh backward", ActivationJob.Kind.TANH_BACKWARD, y, dout, dx);
    }

    /** Softplus's backward pass from its input {@code x}: {@code dx = dout·sigmoid(x)}. */
    public static Tensor softplusBackward(Tensor x, Tensor dout, Tensor dx) {
        return backward("softplus backward", ActivationJob.Kind.SOFTPLUS_BACKWARD, x, dout, dx);
    }

    /** Softmax's backward pass from its output {@code y}, row by row: {@code dx = y ⊙ (dout − ⟨dout, y⟩)}. */
    public static Tensor softmaxBackward(Tensor y, Tensor dout, Tensor dx) {
        Operands.sameDtypeAndShape("softmax backward", y, dout);
        Operands.sameDtypeAndShape("softmax backward", y, dx);
        int cols = y.rank() == 0 ? 1 : y.dim(-1);
        int rows = cols == 0 ? 0 : y.size() / cols;
        if (y.dtype() == DType.FLOAT32) {
            FloatActivations.softmaxBackwardRows(y.floatArray(), y.offset(), dout.floatArray(), dout.offset(),
                    dx.floatArray(), dx.offset(), rows, cols);
        } else {
            DoubleActivations.softmaxBackwardRows(y.doubleArray(), y.offset(), dout.doubleArray(), dout.offset(),
                    dx.doubleArray(), dx.offset(), rows, cols);
        }
        return dx;
    }

    private static Tensor backward(String op, ActivationJob.Kind f, Tensor saved, Tensor dout, Tensor dx) {
        Operands.sameDtypeAndShape(op, saved, dout);
        Operands.sameDtypeAndShape(op, saved, dx);
        ActivationJob.run(f, saved, dout, dx);
        return dx;
    }
}
