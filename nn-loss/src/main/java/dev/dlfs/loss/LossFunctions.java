package dev.dlfs.loss;

import dev.dlfs.loss.kernels.CrossEntropy;
import dev.dlfs.loss.kernels.Huber;
import dev.dlfs.loss.kernels.MeanAbsoluteError;
import dev.dlfs.loss.kernels.MeanSquaredError;
import dev.dlfs.tensor.Tensor;

/**
 * The book's loss functions (chapter 4) as plain functions of a prediction {@code y} and a target {@code t}, in
 * float32 or float64, on tensors of any shape.
 *
 * <p>Every function here reduces the same way: the per-element terms are summed and divided by the batch size, the
 * length of axis 0; a 1-D (or rank-0) tensor is a batch of one, exactly as in the book. So for one sample
 * {@code meanSquaredError} is the book's {@code 0.5·Σ(y - t)²} and for a batch it is that sum averaged over the
 * samples, which is what {@code mean-squared-error} training minimises. Only {@link #rmse} averages over every
 * element, as a metric should.
 *
 * <p>Targets are values of {@code y}'s shape (one-hot rows for classification) or class indices shaped like
 * {@code y} without its last axis, e.g. {@code (N,)} for {@code (N, C)}; indices stand for one-hot rows.
 *
 * <pre>{@code
 * Tensor y = Tensor.of(new double[] {0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0});
 * Tensor t = Tensor.scalar(DType.FLOAT64, 2);                  // the label, "2"
 * LossFunctions.meanSquaredError(y, t);                        // 0.0975
 * LossFunctions.crossEntropyError(y, t);                       // 0.510825457…
 * }</pre>
 */
public final class LossFunctions {
    private LossFunctions() {
    }

    /**
     * The book's {@code cross_entropy_error}: {@code -Σ t·log(y + 1e-7)} over each row, averaged over the batch.
     * {@code y} holds probabilities (softmax outputs); one-hot or probability target rows must each sum to 1.
     */
    public static double crossEntropyError(Tensor y, Tensor t) {
        return CrossEntropy.error(y, t);
    }

    /** The book's {@code mean_squared_error}, {@code 0.5·Σ(y - t)²}, averaged over the batch. */
    public static double meanSquaredError(Tensor y, Tensor t) {
        return new MeanSquaredError().forward(y, t);
    }

    /** {@code Σ|y - t|}, averaged over the batch (the L1 distance per sample). */
    public static double meanAbsoluteError(Tensor y, Tensor t) {
        return new MeanAbsoluteError().forward(y, t);
    }

    /**
     * The Huber loss: per element {@code 0.5·d²} for {@code |d| <= delta}, {@code delta·(|d| - delta/2)} beyond,
     * with {@code d = y - t}; summed and averaged over the batch.
     */
    public static double huber(Tensor y, Tensor t, double delta) {
        return new Huber(delta).forward(y, t);
    }

    /** The root-mean-square error {@code sqrt(mean((y - t)²))} over every element: a metric, not a training loss. */
    public static double rmse(Tensor y, Tensor t) {
        double halfSumOfSquares = new MeanSquaredError().sum(y, t);
        return Math.sqrt(2 * halfSumOfSquares / y.size());
    }
}
