package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.kernels.CrossEntropy;
import dev.dlfs.loss.kernels.Targets;
import dev.dlfs.tensor.Tensor;

/**
 * The book's Softmax-with-Loss layer: softmax of the scores along the last axis, then the cross-entropy error
 * (with the book's {@code 1e-7} guard) averaged over the batch. Its gradient is the famous {@code (y - t) / N}.
 *
 * <p>Targets are one-hot (or probability) rows of the scores' shape, or class indices. The probabilities, and then
 * the gradient, are written into one workspace that later batches of the same shape reuse.
 */
public final class SoftmaxWithLoss implements Loss {
    static final String NAME = "softmax-with-loss";

    private Tensor grad;
    private int[] labels;
    private boolean ready;

    @Override
    public double forward(Tensor y, Tensor t) {
        ready = false;
        if (y.rank() == 0) {
            throw new IllegalArgumentException(NAME + ": prediction " + y.describe() + " has no class axis");
        }
        Targets.requireNonEmpty(NAME, y);
        boolean indices = Targets.areIndices(NAME, y, t);
        if (indices) {
            labels = Targets.labels(NAME, t, y.dim(-1), labels);
        } else {
            Targets.requireRowsSumToOne(NAME, t);
        }
        grad = Targets.workspace(grad, y);
        Tensor p = y.softmax(grad);
        int n = Targets.batchSize(y);
        double loss;
        if (indices) {
            loss = CrossEntropy.sumAtLabels(p, labels);
            subtractOneAtLabels(p, labels);
        } else {
            loss = CrossEntropy.sumWeighted(p, t);
            p.subInPlace(t);
        }
        p.divInPlace(n);
        ready = true;
        return loss / n;
    }

    /** {@code (y - t) / N}; the returned tensor is a workspace that the next {@link #forward} overwrites. */
    @Override
    public Tensor backward() {
        if (!ready) {
            throw new IllegalStateException(NAME + ": backward() needs a successful forward() first");
        }
        return grad;
    }

    /** The softmax probabilities of {@code y} along its last axis. */
    @Override
    public Tensor output(Tensor y) {
        if (y.rank() == 0) {
            throw new IllegalArgumentException(NAME + ": prediction " + y.describe() + " has no class axis");
        }
        return y.softmax();
    }

    /** {@code p - t} for the one-hot rows {@code t} of {@code labels}, without writing them out. */
    private static void subtractOneAtLabels(Tensor p, int[] labels) {
        int classes = p.size() / labels.length;
        for (int r = 0; r < labels.length; r++) {
            int i = r * classes + labels[r];
            p.setFlat(i, p.getFlat(i) - 1);
        }
    }
}
