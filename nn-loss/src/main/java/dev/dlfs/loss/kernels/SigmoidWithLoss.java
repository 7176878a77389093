package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.LossKernels;

/**
 * Sigmoid followed by the binary cross-entropy, on scores (logits), averaged over the batch. Each element is one
 * yes/no question with target probability {@code t} in [0, 1]. Written as
 * {@code max(x, 0) - x·t + log(1 + e^-|x|)}, which equals {@code -t·log σ(x) - (1-t)·log(1 - σ(x))} but never
 * overflows or takes the log of 0, however large the scores. Gradient {@code (σ(x) - t) / N}.
 *
 * <p>Targets have the scores' shape; for scores {@code (N, 1)} labels of shape {@code (N,)} are accepted as well.
 */
public final class SigmoidWithLoss extends ElementwiseLoss {
    public static final String NAME = "sigmoid-with-loss";

    private Tensor binaryLabels;

    public SigmoidWithLoss() {
        super(NAME);
    }

    @Override
    Tensor target(Tensor y, Tensor t) {
        if (y.rank() >= 1 && y.dim(-1) == 1 && t.rank() == y.rank() - 1 && sameLeadingAxes(y, t)) {
            // One label per sample for a single output: copy into y's shape and dtype (labels may be of either).
            binaryLabels = Targets.workspace(binaryLabels, y);
            for (int i = 0; i < t.size(); i++) {
                binaryLabels.setFlat(i, t.getFlat(i));
            }
            Targets.requireProbabilities(NAME, binaryLabels);
            return binaryLabels;
        }
        Tensor values = super.target(y, t);
        if (values == t) {
            Targets.requireProbabilities(NAME, t);
        }
        return values;
    }

    private static boolean sameLeadingAxes(Tensor y, Tensor t) {
        for (int a = 0; a < t.rank(); a++) {
            if (t.dim(a) != y.dim(a)) {
                return false;
            }
        }
        return true;
    }

    /** σ(y), element by element: the probability of "yes". */
    @Override
    public Tensor output(Tensor y) {
        return y.sigmoid();
    }

    @Override
    double terms(Tensor y, Tensor t, int batchSize, Tensor grad, Tensor terms) {
        return LossKernels.sigmoidCrossEntropy(y, t, batchSize, grad, terms);
    }
}
