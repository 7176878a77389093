package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.LossKernels;

/**
 * The Huber loss: per element {@code 0.5·d²} where {@code |d| <= δ} and {@code δ·(|d| - δ/2)} beyond, with
 * {@code d = y - t}, summed and averaged over the batch. Quadratic near the target like the squared error (with a
 * large δ it equals {@link MeanSquaredError}), linear far away so outliers pull less. Gradient
 * {@code clamp(d, -δ, δ) / N}.
 */
public final class Huber extends ElementwiseLoss {
    public static final String NAME = "huber";

    private final double delta;

    public Huber(double delta) {
        super(NAME);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException(NAME + ": delta must be a positive number, found " + delta);
        }
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    @Override
    double terms(Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        return LossKernels.huber(y, t, delta, batchSize, grad, terms);
    }
}
