package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.FloatMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

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
        Tensor p = Tensor.zerosLike(y);
        if (y.dtype() == DType.FLOAT32) {
            FloatMath.sigmoid(y.floatArray(), y.offset(), p.floatArray(), 0, y.size());
        } else {
            DoubleMath.sigmoid(y.doubleArray(), y.offset(), p.doubleArray(), 0, y.size());
        }
        return p;
    }

    /** σ(x) from z = e^-|x| as in {@link FloatMath#sigmoid}, reusing the z that the loss term needs. */
    private static FloatVector sigmoid(FloatVector x, FloatVector z) {
        return z.blend(1f, x.compare(VectorOperators.GE, 0f)).div(z.add(1f));
    }

    private static DoubleVector sigmoid(DoubleVector x, DoubleVector z) {
        return z.blend(1.0, x.compare(VectorOperators.GE, 0.0)).div(z.add(1.0));
    }

    private static float sigmoid(float x, float z) {
        return (x >= 0 ? 1f : z) / (z + 1f);
    }

    private static double sigmoid(double x, double z) {
        return (x >= 0 ? 1.0 : z) / (z + 1.0);
    }

    @Override
    void terms(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n, float scale) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector x = FloatVector.fromArray(FS, y, yo + i);
            FloatVector tv = FloatVector.fromArray(FS, t, to + i);
            FloatVector z = FloatMath.exp(x.abs().neg());
            x.max(0f).sub(x.mul(tv)).add(FloatMath.log1p(z)).intoArray(e, eo + i);
            sigmoid(x, z).sub(tv).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float x = y[yo + i];
            float tv = t[to + i];
            float z = FloatMath.exp(-Math.abs(x));
            e[eo + i] = Math.max(x, 0f) - x * tv + FloatMath.log1p(z);
            g[go + i] = (sigmoid(x, z) - tv) * scale;
        }
    }

    @Override
    void terms(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
               double scale) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector x = DoubleVector.fromArray(DS, y, yo + i);
            DoubleVector tv = DoubleVector.fromArray(DS, t, to + i);
            DoubleVector z = DoubleMath.exp(x.abs().neg());
            x.max(0.0).sub(x.mul(tv)).add(DoubleMath.log1p(z)).intoArray(e, eo + i);
            sigmoid(x, z).sub(tv).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double x = y[yo + i];
            double tv = t[to + i];
            double z = DoubleMath.exp(-Math.abs(x));
            e[eo + i] = Math.max(x, 0.0) - x * tv + DoubleMath.log1p(z);
            g[go + i] = (sigmoid(x, z) - tv) * scale;
        }
    }
}
