package dev.dlfs.loss.kernels;

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
    void terms(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n, float scale) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector d = FloatVector.fromArray(FS, y, yo + i)
                    .sub(FloatVector.fromArray(FS, t, to + i));
            d.mul(d).mul(0.5f).intoArray(e, eo + i);
            d.mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            e[eo + i] = d * d * 0.5f;
            g[go + i] = d * scale;
        }
    }

    @Override
    void terms(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
               double scale) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector d = DoubleVector.fromArray(DS, y, yo + i)
                    .sub(DoubleVector.fromArray(DS, t, to + i));
            d.mul(d).mul(0.5).intoArray(e, eo + i);
            d.mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            e[eo + i] = d * d * 0.5;
            g[go + i] = d * scale;
        }
    }
}
