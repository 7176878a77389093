package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.LossKernels;

/**
 * The book's mean squared error {@code 0.5·Σ(y - t)²}, averaged over the batch: for one sample (a 1-D prediction)
 * it is exactly the book's {@code mean_squared_error}. Gradient {@code (y - t) / N}.
 */
public final class MeanSquaredError extends ElementwiseLoss {
    public static final String NAME = "mean-squared-error";

    public MeanSquaredError() {
        super(NAME);
    }

    @Override
    double terms(Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        return LossKernels.squaredError(y, t, batchSize, grad, terms);
    }
}
