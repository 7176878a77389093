package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The book's {@code Adam}, bias correction folded into the step size as the book does:
 * {@code t += 1; lr_t = lr·√(1 − β2^t) / (1 − β1^t); m += (1 − β1)(g − m); v += (1 − β2)(g² − v);
 * W −= lr_t·m / (√v + 1e-7)}. Slots {@code m} and {@code v}; the step count {@code t} is saved as a float64
 * tensor of shape (1,) under {@value #STEP_KEY}.
 */
public final class Adam extends StatefulOptimizer {
    /** State key of the step count. */
    public static final String STEP_KEY = "adam.t";

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private final double beta1;
    private final double beta2;
    private long t;
    private double lrT;

    Adam(double lr, double beta1, double beta2, double weightDecay) {
        super("adam", List.of("m", "v"), lr, weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    /**
     * {@code adam}: options {@code lr} (0.001), {@code beta1} (0.9), {@code beta2} (0.999), {@code weight-decay}
     * (0).
     */
    public static final class Provider extends BookOptimizerProvider {
        public Provider() {
            super("adam");
        }

        @Override
        Optimizer make(Options o) {
            return new Adam(Hyperparameters.learningRate(o, 0.001), Hyperparameters.fraction(o, "beta1", 0.9),
                    Hyperparameters.fraction(o, "beta2", 0.999), Hyperparameters.weightDecay(o));
        }
    }

    @Override
    void beginStep() {
        t++;
        // StrictMath: the same bits on every platform and JIT tier, so resumed and repeated runs match.
        lrT = lr * Math.sqrt(1.0 - StrictMath.pow(beta2, t)) / (1.0 - StrictMath.pow(beta1, t));
    }

    @Override
    void counters(Map<String, Tensor> out) {
        out.put(STEP_KEY, Tensor.of(new double[] {t}));
    }

    @Override
    Runnable takeCounters(Map<String, Tensor> state, boolean hasSlots) {
        Tensor saved = state.remove(STEP_KEY);
        if (saved == null) {
            if (hasSlots) {
                throw new IllegalArgumentException("adam: state has m and v but no step count '" + STEP_KEY + "'");
            }
            return () -> t = 0;
        }
        double x = saved.size() == 1 ? saved.getFlat(0) : Double.NaN;
        if (!(x >= 0 && x == Math.rint(x) && x < 0x1p53)) {
            throw new IllegalArgumentException("adam: state '" + STEP_KEY + "' must hold one whole number ≥ 0, found "
                    + saved.describe() + (saved.size() == 1 ? " " + x : ""));
        }
        return () -> t = (long) x;
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        Tensor m = slots[0];
        Tensor v = slots[1];
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        if (w.dtype() == DType.FLOAT32) {
            update(w.floatArray(), w.offset(), g.floatArray(), g.offset(), m.floatArray(), m.offset(), v.floatArray(),
                    v.offset(), w.size(), (float) lrT, (float) keep1, (float) keep2, (float) wd);
        } else {
            update(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), m.doubleArray(), m.offset(),
                    v.doubleArray(), v.offset(), w.size(), lrT, keep1, keep2, wd);
        }
    }

    private static void update(float[] w, int wo, float[] g, int go, float[] m, int mo, float[] v, int vo, int n,
                               float lrT, float keep1, float keep2, float wd) {
        float eps = (float) Hyperparameters.EPSILON;
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector wv = FloatVector.fromArray(F, w, wo + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i).add(wv.mul(wd));
            FloatVector mv = FloatVector.fromArray(F, m, mo + i);
            mv = mv.add(gv.sub(mv).mul(keep1));
            FloatVector vv = FloatVector.fromArray(F, v, vo + i);
            vv = vv.add(gv.mul(gv).sub(vv).mul(keep2));
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            wv.sub(mv.mul(lrT).div(vv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float mi = m[mo + i] + (gi - m[mo + i]) * keep1;
            float vi = v[vo + i] + (gi * gi - v[vo + i]) * keep2;
            m[mo + i] = mi;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] - lrT * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    private static void update(double[] w, int wo, double[] g, int go, double[] m, int mo, double[] v, int vo, int n,
                               double lrT, double keep1, double keep2, double wd) {
        double eps = Hyperparameters.EPSILON;
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector wv = DoubleVector.fromArray(D, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i).add(wv.mul(wd));
            DoubleVector mv = DoubleVector.fromArray(D, m, mo + i);
            mv = mv.add(gv.sub(mv).mul(keep1));
            DoubleVector vv = DoubleVector.fromArray(D, v, vo + i);
            vv = vv.add(gv.mul(gv).sub(vv).mul(keep2));
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            wv.sub(mv.mul(lrT).div(vv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double mi = m[mo + i] + (gi - m[mo + i]) * keep1;
            double vi = v[vo + i] + (gi * gi - v[vo + i]) * keep2;
            m[mo + i] = mi;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] - lrT * mi / (Math.sqrt(vi) + eps);
        }
    }
}
