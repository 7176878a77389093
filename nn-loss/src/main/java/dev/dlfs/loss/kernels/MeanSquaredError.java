package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.FloatMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The book's mean squared error {@code 0.5·Σ(y - t)²}, averaged over the batch: for one sample (a 1-D prediction)
 * it is exactly the book's {@code mean_squared_error}. Gradient {@code (y - t) / N}.
 */
public final class MeanSquaredError extends ElementwiseLoss {
    public static final String NAME = "mean-squared-error";

    public MeanSquaredError() {
        super(NAME);
    }

    @Override
    double sum(float[] y, int yo, float[] t, int to, float[] g, int go, int n, float scale) {
        FloatVector acc = FloatVector.zero(FS);
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector d = FloatVector.fromArray(FS, y, yo + i)
                    .sub(FloatVector.fromArray(FS, t, to + i));
            acc = d.fma(d, acc);
            d.mul(scale).intoArray(g, go + i);
        }
        double sum = FloatMath.sumLanes(acc);
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            sum += d * d;
            g[go + i] = d * scale;
        }
        return 0.5 * sum;
    }

    @Override
    double sum(double[] y, int yo, double[] t, int to, double[] g, int go, int n, double scale) {
        DoubleVector acc = DoubleVector.zero(DS);
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector d = DoubleVector.fromArray(DS, y, yo + i)
                    .sub(DoubleVector.fromArray(DS, t, to + i));
            acc = d.fma(d, acc);
            d.mul(scale).intoArray(g, go + i);
        }
        double sum = DoubleMath.sumLanes(acc);
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            sum += d * d;
            g[go + i] = d * scale;
        }
        return 0.5 * sum;
    }
}
