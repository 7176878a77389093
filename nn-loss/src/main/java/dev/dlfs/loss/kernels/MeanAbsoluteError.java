package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.LossKernels;

/**
 * The absolute error {@code Σ|y - t|}, averaged over the batch like the other losses here (so it is the L1 distance
 * per sample, not per element). Gradient {@code sign(y - t) / N}, taking 0 where {@code y = t}.
 */
public final class MeanAbsoluteError extends ElementwiseLoss {
    public static final String NAME = "mean-absolute-error";

    public MeanAbsoluteError() {
        super(NAME);
    }

    @Override
    double terms(Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        return LossKernels.absoluteError(y, t, batchSize, grad, terms);
    }
}
