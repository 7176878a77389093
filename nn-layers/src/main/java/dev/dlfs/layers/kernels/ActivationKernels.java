package dev.dlfs.layers.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * Activation functions and their backward passes on tensors, writing into a given output (which may be the input).
 * Element-wise ones treat any shape as a flat run of elements; softmax works on rows along the last axis.
 */
public final class ActivationKernels {
    private ActivationKernels() {
    }

    /** The element-wise activation functions. */
    public enum Function {
        RELU, STEP, SIGMOID, TANH, SOFTPLUS
    }

    /** {@code out = f(x)} element-wise; the tensor core's kernels where it has the function. */
    public static Tensor apply(Function f, Tensor x, Tensor out) {
        check(f, "", x, out);
        return switch (f) {
            case RELU -> x.maximum(0.0, out);
            case STEP -> x.gt(0.0, out);
            case SIGMOID -> x.sigmoid(out);
            case TANH -> x.tanh(out);
            case SOFTPLUS -> softplus(x, out);
        };
    }

    private static Tensor softplus(Tensor x, Tensor out) {
        if (x.dtype() == DType.FLOAT32) {
            FloatActivations.softplus(x.floatArray(), x.offset(), out.floatArray(), out.offset(), x.size());
        } else {
            DoubleActivations.softplus(x.doubleArray(), x.offset(), out.doubleArray(), out.offset(), x.size());
        }
        return out;
    }

    /**
     * {@code dx = dout ⊙ f'(…)}; {@code saved} is the forward output for relu, sigmoid and tanh and the forward
     * input for softplus (step has no gradient).
     */
    public static Tensor backward(Function f, Tensor saved, Tensor dout, Tensor dx) {
        check(f, " backward", saved, dout);
        check(f, " backward", saved, dx);
        int n = saved.size();
        if (saved.dtype() == DType.FLOAT32) {
            float[] s = saved.floatArray();
            float[] g = dout.floatArray();
            float[] d = dx.floatArray();
            int so = saved.offset();
            int go = dout.offset();
            int dxo = dx.offset();
            switch (f) {
                case RELU -> FloatActivations.reluBackward(s, so, g, go, d, dxo, n);
                case SIGMOID -> FloatActivations.sigmoidBackward(s, so, g, go, d, dxo, n);
                case TANH -> FloatActivations.tanhBackward(s, so, g, go, d, dxo, n);
                case SOFTPLUS -> FloatActivations.softplusBackward(s, so, g, go, d, dxo, n);
                case STEP -> throw noStepGradient();
            }
        } else {
            double[] s = saved.doubleArray();
            double[] g = dout.doubleArray();
            double[] d = dx.doubleArray();
            int so = saved.offset();
            int go = dout.offset();
            int dxo = dx.offset();
            switch (f) {
                case RELU -> DoubleActivations.reluBackward(s, so, g, go, d, dxo, n);
                case SIGMOID -> DoubleActivations.sigmoidBackward(s, so, g, go, d, dxo, n);
                case TANH -> DoubleActivations.tanhBackward(s, so, g, go, d, dxo, n);
                case SOFTPLUS -> DoubleActivations.softplusBackward(s, so, g, go, d, dxo, n);
                case STEP -> throw noStepGradient();
            }
        }
        return dx;
    }

    /** Why step cannot be trained by backpropagation. */
    public static UnsupportedOperationException noStepGradient() {
        return new UnsupportedOperationException("step has no gradient: its derivative is 0 everywhere except at 0,"
                + " where it is undefined, so backpropagation cannot train through it; use step for perceptrons"
                + " with hand-set weights, and sigmoid or relu to train");
    }

    /** The softmax Jacobian applied to {@code dout}, row by row, from the softmax output {@code y}. */
    public static Tensor softmaxBackward(Tensor y, Tensor dout, Tensor dx) {
        check("softmax backward", y, dout);
        check("softmax backward", y, dx);
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

    /** Same dtype and shape, or a message naming the operation and both tensors. */
    private static void check(String op, Tensor a, Tensor b) {
        check(op, "", a, b);
    }

    /** As above; the name is only built for the message, so that a warm step allocates nothing here. */
    private static void check(Object op, String suffix, Tensor a, Tensor b) {
        boolean same = a.dtype() == b.dtype() && a.rank() == b.rank();
        for (int i = 0; same && i < a.rank(); i++) {
            same = a.dim(i) == b.dim(i);
        }
        if (!same) {
            throw new IllegalArgumentException(op.toString().toLowerCase(java.util.Locale.ROOT) + suffix + ": "
                    + a.describe() + " and " + b.describe() + " must have the same dtype and shape");
        }
    }
}
