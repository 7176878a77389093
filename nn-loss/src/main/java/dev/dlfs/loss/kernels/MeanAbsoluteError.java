package dev.dlfs.loss.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The absolute error {@code Σ|y - t|}, averaged over the batch like the other losses here (so it is the L1 distance
 * per sample, not per element). Gradient {@code sign(y - t) / N}, taking 0 where {@code y = t}.
 */
public final class MeanAbsoluteError extends ElementwiseLoss {
    public static final String NAME = "mean-absolute-error";

    public MeanAbsoluteError() {
        super(NAME);
    }

    @Override
    void terms(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n, float scale) {
        FloatVector zero = FloatVector.zero(FS);
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector d = FloatVector.fromArray(FS, y, yo + i)
                    .sub(FloatVector.fromArray(FS, t, to + i));
            d.abs().intoArray(e, eo + i);
            zero.blend(scale, d.compare(VectorOperators.GT, 0f)).blend(-scale, d.lt(0f)).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            e[eo + i] = Math.abs(d);
            g[go + i] = d > 0 ? scale : d < 0 ? -scale : 0f;
        }
    }

    @Override
    void terms(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
               double scale) {
        DoubleVector zero = DoubleVector.zero(DS);
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector d = DoubleVector.fromArray(DS, y, yo + i)
                    .sub(DoubleVector.fromArray(DS, t, to + i));
            d.abs().intoArray(e, eo + i);
            zero.blend(scale, d.compare(VectorOperators.GT, 0.0)).blend(-scale, d.lt(0.0)).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            e[eo + i] = Math.abs(d);
            g[go + i] = d > 0 ? scale : d < 0 ? -scale : 0.0;
        }
    }
}
