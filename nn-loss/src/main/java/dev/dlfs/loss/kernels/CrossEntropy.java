package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleMath;

/**
 * The book's cross-entropy error {@code -Σ t·log(y + 1e-7)}, summed over all rows (callers divide by the batch).
 * The tiny {@code 1e-7} keeps {@code log(0)} from becoming {@code -∞}, exactly as in the book. The logarithms are
 * taken in float64 whatever the dtype, one element at a time.
 */
public final class CrossEntropy {
    /** The book's guard against {@code log(0)}. */
    public static final double GUARD = 1e-7;

    private CrossEntropy() {
    }

    /** {@code -Σ log(p[row, label] + 1e-7)} over the rows of probabilities {@code p} (rows × classes). */
    public static double sumAtLabels(Tensor p, int[] labels) {
        int classes = p.size() / labels.length;
        double s = 0;
        for (int r = 0; r < labels.length; r++) {
            s -= DoubleMath.log(p.getFlat(r * classes + labels[r]) + GUARD);
        }
        return s;
    }

    /** {@code -Σ t·log(p + 1e-7)} over all elements; zero targets are skipped, so only one log per one-hot row. */
    public static double sumWeighted(Tensor p, Tensor t) {
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            double ti = t.getFlat(i);
            if (ti != 0) {
                s -= ti * DoubleMath.log(p.getFlat(i) + GUARD);
            }
        }
        return s;
    }

    /**
     * The book's {@code cross_entropy_error(y, t)}: {@code y} are probabilities, {@code t} one-hot rows (or
     * probability rows) of the same shape or class indices; the sum over rows is divided by the batch size.
     */
    public static double error(Tensor y, Tensor t) {
        String op = "cross-entropy";
        if (y.rank() == 0) {
            throw new IllegalArgumentException(op + ": prediction " + y.describe() + " has no class axis");
        }
        Targets.requireNonEmpty(op, y);
        double sum;
        if (Targets.areIndices(op, y, t)) {
            sum = sumAtLabels(y, Targets.labels(op, t, y.dim(-1), null));
        } else {
            Targets.requireRowsSumToOne(op, t);
            sum = sumWeighted(y, t);
        }
        return sum / Targets.batchSize(y);
    }
}
