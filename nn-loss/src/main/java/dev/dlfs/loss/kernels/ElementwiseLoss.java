package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A loss that adds up one term per element, {@code Σ f(y, t)}, and divides by the batch size {@code N}; its gradient
 * is {@code f'(y, t) / N}. Targets have the prediction's shape, or are class indices compared as one-hot rows.
 *
 * <p>Subclasses supply one fused, vectorised kernel per dtype that sums the terms and writes the gradient in the
 * same pass. The gradient, the one-hot rows and the labels live in workspaces reused while shapes stay the same.
 */
public abstract class ElementwiseLoss {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private final String name;
    private Tensor grad;
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
        int n = Targets.batchSize(y);
        double sum;
        if (y.dtype() == DType.FLOAT32) {
            sum = sum(y.floatArray(), y.offset(), target.floatArray(), target.offset(), grad.floatArray(),
                    grad.offset(), y.size(), 1f / n);
        } else {
            sum = sum(y.doubleArray(), y.offset(), target.doubleArray(), target.offset(), grad.doubleArray(),
                    grad.offset(), y.size(), 1.0 / n);
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
     * Returns {@code Σ f(y[i], t[i])} for {@code i < n} and writes {@code g[i] = f'(y[i], t[i])·scale}.
     * Offsets {@code yo, to, go} locate element 0 of each array.
     */
    abstract double sum(float[] y, int yo, float[] t, int to, float[] g, int go, int n, float scale);

    /** The float64 kernel: same contract as the float32 one. */
    abstract double sum(double[] y, int yo, double[] t, int to, double[] g, int go, int n, double scale);
}
