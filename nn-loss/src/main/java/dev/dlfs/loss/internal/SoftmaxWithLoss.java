package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.kernels.CrossEntropy;
import dev.dlfs.loss.kernels.Softmax;
import dev.dlfs.loss.kernels.Targets;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The book's Softmax-with-Loss layer: softmax of the scores along the last axis, then the cross-entropy error
 * (with the book's {@code 1e-7} guard) averaged over the batch. Its gradient is the famous {@code (y - t) / N}.
 *
 * <p>Targets are one-hot (or probability) rows of the scores' shape, or class indices. One pass computes the
 * probabilities, the loss and the gradient into a workspace that later batches of the same shape reuse.
 */
public final class SoftmaxWithLoss implements Loss {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

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
        Softmax.rows(y, grad);
        int n = Targets.batchSize(y);
        double loss;
        if (indices) {
            loss = CrossEntropy.sumAtLabels(grad, labels);
            gradientAtLabels(grad, labels, n);
        } else {
            loss = CrossEntropy.sumWeighted(grad, t);
            gradientOneHot(grad, t, n);
        }
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
        Tensor p = Tensor.zerosLike(y);
        if (p.size() > 0) {
            Softmax.rows(y, p);
        }
        return p;
    }

    /** p → (p - onehot(labels)) / n, in the same order of operations as {@link #gradientOneHot}. */
    private static void gradientAtLabels(Tensor p, int[] labels, int n) {
        int classes = p.size() / labels.length;
        int off = p.offset();
        if (p.dtype() == DType.FLOAT32) {
            float[] a = p.floatArray();
            for (int r = 0; r < labels.length; r++) {
                a[off + r * classes + labels[r]] -= 1f;
            }
            Softmax.divide(a, off, p.size(), n);
        } else {
            double[] a = p.doubleArray();
            for (int r = 0; r < labels.length; r++) {
                a[off + r * classes + labels[r]] -= 1.0;
            }
            Softmax.divide(a, off, p.size(), n);
        }
    }

    /** p → (p - t) / n. */
    private static void gradientOneHot(Tensor p, Tensor t, int n) {
        int size = p.size();
        int po = p.offset();
        int to = t.offset();
        if (p.dtype() == DType.FLOAT32) {
            float[] a = p.floatArray();
            float[] b = t.floatArray();
            int i = 0;
            for (int bound = FS.loopBound(size); i < bound; i += FS.length()) {
                FloatVector.fromArray(FS, a, po + i).sub(FloatVector.fromArray(FS, b, to + i))
                        .div(n).intoArray(a, po + i);
            }
            for (; i < size; i++) {
                a[po + i] = (a[po + i] - b[to + i]) / n;
            }
        } else {
            double[] a = p.doubleArray();
            double[] b = t.doubleArray();
            int i = 0;
            for (int bound = DS.loopBound(size); i < bound; i += DS.length()) {
                DoubleVector.fromArray(DS, a, po + i).sub(DoubleVector.fromArray(DS, b, to + i))
                        .div(n).intoArray(a, po + i);
            }
            for (; i < size; i++) {
                a[po + i] = (a[po + i] - b[to + i]) / n;
            }
        }
    }
}
