package dev.dlfs.loss.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The book's mean squared error {@code 0.5·Σ(y - t)²}, averaged over the batch: for one sample (a 1-D prediction)
 * it is exactly the book's {@code mean_squared_error}. Gradient {@code (y - t) / N}.
 */
public final class MeanSquaredError extends ElementwiseLoss {
    static final String NAME = "mean-squared-error";

    public MeanSquaredError() {
        super(NAME);
    }

    @Override
    double sum(float[] y, int yo, float[] t, int to, float[] g, int go, int n, float scale) {
        FloatVector acc = FloatVector.zero(VectorMath.FS);
        int i = 0;
        for (int bound = VectorMath.FS.loopBound(n); i < bound; i += VectorMath.FS.length()) {
            FloatVector d = FloatVector.fromArray(VectorMath.FS, y, yo + i)
                    .sub(FloatVector.fromArray(VectorMath.FS, t, to + i));
            acc = d.fma(d, acc);
            d.mul(scale).intoArray(g, go + i);
        }
        double sum = VectorMath.sumLanes(acc);
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            sum += d * d;
            g[go + i] = d * scale;
        }
        return 0.5 * sum;
    }

    @Override
    double sum(double[] y, int yo, double[] t, int to, double[] g, int go, int n, double scale) {
        DoubleVector acc = DoubleVector.zero(VectorMath.DS);
        int i = 0;
        for (int bound = VectorMath.DS.loopBound(n); i < bound; i += VectorMath.DS.length()) {
            DoubleVector d = DoubleVector.fromArray(VectorMath.DS, y, yo + i)
                    .sub(DoubleVector.fromArray(VectorMath.DS, t, to + i));
            acc = d.fma(d, acc);
            d.mul(scale).intoArray(g, go + i);
        }
        double sum = VectorMath.sumLanes(acc);
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            sum += d * d;
            g[go + i] = d * scale;
        }
        return 0.5 * sum;
    }
}
