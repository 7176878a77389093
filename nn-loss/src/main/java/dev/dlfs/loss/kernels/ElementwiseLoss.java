package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleSum;
import dev.dlfs.tensor.simd.FloatSum;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A loss that adds up one term per element, {@code Σ f(y, t)}, and divides by the batch size {@code N}; its gradient
 * is {@code f'(y, t) / N}. Targets have the prediction's shape, or are class indices compared as one-hot rows.
 *
 * <p>Subclasses supply one fused, vectorised kernel per dtype that writes each element's term and gradient in one
 * pass; the terms are then summed in {@link FloatSum}'s or {@link DoubleSum}'s fixed order, so that the loss has
 * the same bits at every vector width. The gradient, the terms, the one-hot rows and the labels live in workspaces
 * reused while shapes stay the same.
 */
public abstract class ElementwiseLoss {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private final String name;
    private Tensor grad;
    private Tensor terms;
    private Tensor oneHot;
    private int[] labels;
    private boolean ready;

    protected ElementwiseLoss(String name) {
        this.name = name;
    }

    /** The registered name, used in error messages. */
    public final String name() {
        return name;
    }

    /** The mean loss over the batch; keeps the gradient for {@link #backward}. */
    public final double forward(Tensor y, Tensor t) {
        return sum(y, t) / Targets.batchSize(y);
    }

    /**
     * {@code Σ f(y, t)} over every element, before the division by the batch size, e.g. {@code 0.5·Σ(y - t)²} for
     * the mean squared error; like {@link #forward} it leaves the gradient for {@link #backward}.
     */
    public final double sum(Tensor y, Tensor t) {
        ready = false;
        Targets.requireNonEmpty(name, y);
        Tensor target = target(y, t);
        grad = Targets.workspace(grad, y);
        terms = Targets.workspace(terms, y);
        int n = Targets.batchSize(y);
        double sum;
        if (y.dtype() == DType.FLOAT32) {
            terms(y.floatArray(), y.offset(), target.floatArray(), target.offset(), grad.floatArray(),
                    grad.offset(), terms.floatArray(), terms.offset(), y.size(), 1f / n);
            sum = FloatSum.of(terms.floatArray(), terms.offset(), y.size());
        } else {
            terms(y.doubleArray(), y.offset(), target.doubleArray(), target.offset(), grad.doubleArray(),
                    grad.offset(), terms.doubleArray(), terms.offset(), y.size(), 1.0 / n);
            sum = DoubleSum.of(terms.doubleArray(), terms.offset(), y.size());
        }
        ready = true;
        return sum;
    }

    /** {@code f'(y, t) / N}; the returned tensor is a workspace that the next {@link #forward} overwrites. */
    public final Tensor backward() {
        if (!ready) {
            throw new IllegalStateException(name + ": backward() needs a successful forward() first");
        }
        return grad;
    }

    /** What {@code y} means to this loss, for showing predictions: {@code y} itself unless a subclass says more. */
    public Tensor output(Tensor y) {
        return y;
    }

    /** The target as values of {@code y}'s shape and dtype: {@code t} itself, or one-hot rows for class indices. */
    Tensor target(Tensor y, Tensor t) {
        if (!Targets.areIndices(name, y, t)) {
            return t;
        }
        labels = Targets.labels(name, t, y.dim(-1), labels);
        oneHot = Targets.workspace(oneHot, y);
        Targets.oneHot(labels, oneHot);
        return oneHot;
    }

    /**
     * Writes {@code e[i] = f(y[i], t[i])} and {@code g[i] = f'(y[i], t[i])·scale} for {@code i < n}, the same
     * bits in vector lanes and in the scalar tail. Offsets {@code yo, to, go, eo} locate element 0 of each array.
     */
    abstract void terms(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n,
                        float scale);

    /** The float64 kernel: same contract as the float32 one. */
    abstract void terms(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
                        double scale);
}
