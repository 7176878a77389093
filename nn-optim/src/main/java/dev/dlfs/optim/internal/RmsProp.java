package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The book's {@code RMSprop}: {@code h = ρ·h + (1 − ρ)·g²; W −= lr·g / (√h + 1e-7)}, ρ being {@code decay-rate}.
 * Slot {@code h}.
 */
public final class RmsProp extends StatefulOptimizer {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private final double decayRate;

    RmsProp(double lr, double decayRate, double weightDecay) {
        super("rmsprop", List.of("h"), lr, weightDecay);
        this.decayRate = decayRate;
    }

    /** {@code rmsprop}: options {@code lr} (0.01), {@code decay-rate} (0.99), {@code weight-decay} (0). */
    public static final class Provider extends BookOptimizerProvider {
        public Provider() {
            super("rmsprop");
        }

        @Override
        Optimizer make(Options o) {
            return new RmsProp(Hyperparameters.learningRate(o, 0.01),
                    Hyperparameters.fraction(o, "decay-rate", 0.99), Hyperparameters.weightDecay(o));
        }
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        Tensor h = slots[0];
        double keep = 1 - decayRate;
        if (w.dtype() == DType.FLOAT32) {
            update(w.floatArray(), w.offset(), g.floatArray(), g.offset(), h.floatArray(), h.offset(), w.size(),
                    (float) lr, (float) decayRate, (float) keep, (float) wd);
        } else {
            update(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), h.doubleArray(), h.offset(), w.size(),
                    lr, decayRate, keep, wd);
        }
    }

    /** {@code rho} scales the old h, {@code keep} = 1 − rho the new g². */
    private static void update(float[] w, int wo, float[] g, int go, float[] h, int ho, int n,
                               float lr, float rho, float keep, float wd) {
        float eps = (float) Hyperparameters.EPSILON;
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector wv = FloatVector.fromArray(F, w, wo + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i).add(wv.mul(wd));
            FloatVector hv = FloatVector.fromArray(F, h, ho + i).mul(rho).add(gv.mul(keep).mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float hi = h[ho + i] * rho + keep * gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / ((float) Math.sqrt(hi) + eps);
        }
    }

    private static void update(double[] w, int wo, double[] g, int go, double[] h, int ho, int n,
                               double lr, double rho, double keep, double wd) {
        double eps = Hyperparameters.EPSILON;
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector wv = DoubleVector.fromArray(D, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i).add(wv.mul(wd));
            DoubleVector hv = DoubleVector.fromArray(D, h, ho + i).mul(rho).add(gv.mul(keep).mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double hi = h[ho + i] * rho + keep * gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / (Math.sqrt(hi) + eps);
        }
    }
}
