package dev.dlfs.loss.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The Huber loss: per element {@code 0.5·d²} where {@code |d| <= δ} and {@code δ·(|d| - δ/2)} beyond, with
 * {@code d = y - t}, summed and averaged over the batch. Quadratic near the target like the squared error (with a
 * large δ it equals {@link MeanSquaredError}), linear far away so outliers pull less. Gradient
 * {@code clamp(d, -δ, δ) / N}.
 */
public final class Huber extends ElementwiseLoss {
    public static final String NAME = "huber";

    private final double delta;

    public Huber(double delta) {
        super(NAME);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException(NAME + ": delta must be a positive number, found " + delta);
        }
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    @Override
    void terms(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n, float scale) {
        float dl = (float) delta;
        float offset = (float) (0.5 * delta * delta);
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector d = FloatVector.fromArray(FS, y, yo + i)
                    .sub(FloatVector.fromArray(FS, t, to + i));
            FloatVector a = d.abs();
            FloatVector quadratic = d.mul(d).mul(0.5f);
            FloatVector linear = a.mul(dl).sub(offset);
            linear.blend(quadratic, a.compare(VectorOperators.LE, dl)).intoArray(e, eo + i);
            d.max(-dl).min(dl).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            float a = Math.abs(d);
            e[eo + i] = a <= dl ? d * d * 0.5f : a * dl - offset;
            g[go + i] = Math.min(Math.max(d, -dl), dl) * scale;
        }
    }

    @Override
    void terms(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
               double scale) {
        double offset = 0.5 * delta * delta;
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector d = DoubleVector.fromArray(DS, y, yo + i)
                    .sub(DoubleVector.fromArray(DS, t, to + i));
            DoubleVector a = d.abs();
            DoubleVector quadratic = d.mul(d).mul(0.5);
            DoubleVector linear = a.mul(delta).sub(offset);
            linear.blend(quadratic, a.compare(VectorOperators.LE, delta)).intoArray(e, eo + i);
            d.max(-delta).min(delta).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            double a = Math.abs(d);
            e[eo + i] = a <= delta ? d * d * 0.5 : a * delta - offset;
            g[go + i] = Math.min(Math.max(d, -delta), delta) * scale;
        }
    }
}
