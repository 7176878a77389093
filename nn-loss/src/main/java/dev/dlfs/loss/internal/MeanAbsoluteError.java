package dev.dlfs.loss.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The absolute error {@code Σ|y - t|}, averaged over the batch like the other losses here (so it is the L1 distance
 * per sample, not per element). Gradient {@code sign(y - t) / N}, taking 0 where {@code y = t}.
 */
public final class MeanAbsoluteError extends ElementwiseLoss {
    static final String NAME = "mean-absolute-error";

    public MeanAbsoluteError() {
        super(NAME);
    }

    @Override
    double sum(float[] y, int yo, float[] t, int to, float[] g, int go, int n, float scale) {
        FloatVector acc = FloatVector.zero(VectorMath.FS);
        FloatVector zero = FloatVector.zero(VectorMath.FS);
        int i = 0;
        for (int bound = VectorMath.FS.loopBound(n); i < bound; i += VectorMath.FS.length()) {
            FloatVector d = FloatVector.fromArray(VectorMath.FS, y, yo + i)
                    .sub(FloatVector.fromArray(VectorMath.FS, t, to + i));
            acc = acc.add(d.abs());
            zero.blend(scale, d.compare(VectorOperators.GT, 0f)).blend(-scale, d.lt(0f)).intoArray(g, go + i);
        }
        double sum = VectorMath.sumLanes(acc);
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            sum += Math.abs(d);
            g[go + i] = d > 0 ? scale : d < 0 ? -scale : 0f;
        }
        return sum;
    }

    @Override
    double sum(double[] y, int yo, double[] t, int to, double[] g, int go, int n, double scale) {
        DoubleVector acc = DoubleVector.zero(VectorMath.DS);
        DoubleVector zero = DoubleVector.zero(VectorMath.DS);
        int i = 0;
        for (int bound = VectorMath.DS.loopBound(n); i < bound; i += VectorMath.DS.length()) {
            DoubleVector d = DoubleVector.fromArray(VectorMath.DS, y, yo + i)
                    .sub(DoubleVector.fromArray(VectorMath.DS, t, to + i));
            acc = acc.add(d.abs());
            zero.blend(scale, d.compare(VectorOperators.GT, 0.0)).blend(-scale, d.lt(0.0)).intoArray(g, go + i);
        }
        double sum = VectorMath.sumLanes(acc);
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            sum += Math.abs(d);
            g[go + i] = d > 0 ? scale : d < 0 ? -scale : 0.0;
        }
        return sum;
    }
}
