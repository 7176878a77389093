package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * The element-wise losses of the built-in loss functions, each one pass that writes every element's loss term and
 * its gradient, then sums the terms. The sum is in {@link dev.dlfs.tensor.simd.FloatSum}'s (float64:
 * {@link dev.dlfs.tensor.simd.DoubleSum}'s) fixed order and returned unrounded, so a loss has the same bits at every
 * vector width; the gradient is divided by {@code batchSize}, the number of samples the loss is averaged over.
 *
 * <p>{@code y} is the prediction and {@code t} the target; {@code grad} receives the gradient and {@code terms} the
 * per-element terms (a workspace: only their sum is the result). All four must share one dtype and shape.
 */
public final class LossKernels {
    private LossKernels() {
    }

    /** {@code Σ ½·(y − t)²}; gradient {@code (y − t) / batchSize}. */
    public static double squaredError(Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        check("squared error", y, t, batchSize, grad, terms);
        if (y.dtype() == DType.FLOAT32) {
            return FloatLossKernels.squaredError(y.floatArray(), y.offset(), t.floatArray(), t.offset(),
                    grad.floatArray(), grad.offset(), terms.floatArray(), terms.offset(), y.size(), batchSize);
        }
        return DoubleLossKernels.squaredError(y.doubleArray(), y.offset(), t.doubleArray(), t.offset(),
                grad.doubleArray(), grad.offset(), terms.doubleArray(), terms.offset(), y.size(), batchSize);
    }

    /** {@code Σ |y − t|}; gradient {@code sign(y − t) / batchSize}, 0 where {@code y = t}. */
    public static double absoluteError(Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        check("absolute error", y, t, batchSize, grad, terms);
        if (y.dtype() == DType.FLOAT32) {
            return FloatLossKernels.absoluteError(y.floatArray(), y.offset(), t.floatArray(), t.offset(),
                    grad.floatArray(), grad.offset(), terms.floatArray(), terms.offset(), y.size(), batchSize);
        }
        return DoubleLossKernels.absoluteError(y.doubleArray(), y.offset(), t.doubleArray(), t.offset(),
                grad.doubleArray(), grad.offset(), terms.doubleArray(), terms.offset(), y.size(), batchSize);
    }

    /**
     * The Huber loss, per element {@code ½·d²} for {@code |d| ≤ delta} and {@code delta·|d| − ½·delta²} beyond, with
     * {@code d = y − t}; gradient {@code clamp(d, −delta, delta) / batchSize}.
     */
    public static double huber(Tensor y, Tensor t, double delta, int batchSize, Tensor grad, Tensor terms) {
        check("huber", y, t, batchSize, grad, terms);
        double offset = 0.5 * delta * delta;
        if (y.dtype() == DType.FLOAT32) {
            return FloatLossKernels.huber(y.floatArray(), y.offset(), t.floatArray(), t.offset(), grad.floatArray(),
                    grad.offset(), terms.floatArray(), terms.offset(), y.size(), (float) delta, (float) offset,
                    batchSize);
        }
        return DoubleLossKernels.huber(y.doubleArray(), y.offset(), t.doubleArray(), t.offset(), grad.doubleArray(),
                grad.offset(), terms.doubleArray(), terms.offset(), y.size(), delta, offset, batchSize);
    }

    /**
     * Sigmoid followed by the binary cross-entropy, on scores {@code x}: per element
     * {@code max(x, 0) − x·t + log(1 + e^−|x|)}, which is {@code −t·log σ(x) − (1 − t)·log(1 − σ(x))} without
     * overflow or {@code log 0}; gradient {@code (σ(x) − t) / batchSize}.
     */
    public static double sigmoidCrossEntropy(Tensor x, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        check("sigmoid cross-entropy", x, t, batchSize, grad, terms);
        if (x.dtype() == DType.FLOAT32) {
            return FloatLossKernels.sigmoidCrossEntropy(x.floatArray(), x.offset(), t.floatArray(), t.offset(),
                    grad.floatArray(), grad.offset(), terms.floatArray(), terms.offset(), x.size(), batchSize);
        }
        return DoubleLossKernels.sigmoidCrossEntropy(x.doubleArray(), x.offset(), t.doubleArray(), t.offset(),
                grad.doubleArray(), grad.offset(), terms.doubleArray(), terms.offset(), x.size(), batchSize);
    }

    private static void check(String op, Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        Operands.requireLike(op, "target", t, "prediction", y);
        Operands.requireLike(op, "grad", grad, "prediction", y);
        Operands.requireLike(op, "terms", terms, "prediction", y);
        if (batchSize < 1) {
            throw new IllegalArgumentException(op + ": batch size must be at least 1, found " + batchSize);
        }
    }
}
