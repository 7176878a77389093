package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.Tensor;

/**
 * A loss that adds up one term per element, {@code Σ f(y, t)}, and divides by the batch size {@code N}; its gradient
 * is {@code f'(y, t) / N}. Targets have the prediction's shape, or are class indices compared as one-hot rows.
 *
 * <p>Each subclass is one fused operation of {@link dev.dlfs.tensor.fused.LossKernels}, which writes every element's
 * term and gradient in one pass and sums the terms in a fixed order, so that the loss has the same bits at every
 * vector width. The gradient, the terms, the one-hot rows and the labels live in workspaces reused while shapes stay
 * the same.
 */
public abstract class ElementwiseLoss {
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
        double sum = terms(y, target, Targets.batchSize(y), grad, terms);
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
     * Writes each element's term {@code f(y, t)} into {@code terms} and its gradient {@code f'(y, t) / batchSize}
     * into {@code grad} (both of {@code y}'s shape), and returns the sum of the terms.
     */
    abstract double terms(Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms);
}
