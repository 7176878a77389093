package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The book's {@code Momentum}: {@code v = momentum·v − lr·g; W += v}. Slot {@code v}. */
public final class Momentum extends StatefulOptimizer {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private final double momentum;

    Momentum(double lr, double momentum, double weightDecay) {
        super("momentum", List.of("v"), lr, weightDecay);
        this.momentum = momentum;
    }

    /** {@code momentum}: options {@code lr} (0.01), {@code momentum} (0.9), {@code weight-decay} (0). */
    public static final class Provider extends BookOptimizerProvider {
        public Provider() {
            super("momentum");
        }

        @Override
        Optimizer make(Options o) {
            return new Momentum(Hyperparameters.learningRate(o, 0.01),
                    Hyperparameters.fraction(o, "momentum", 0.9), Hyperparameters.weightDecay(o));
        }
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        Tensor v = slots[0];
        if (w.dtype() == DType.FLOAT32) {
            update(w.floatArray(), w.offset(), g.floatArray(), g.offset(), v.floatArray(), v.offset(), w.size(),
                    (float) lr, (float) momentum, (float) wd);
        } else {
            update(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), v.doubleArray(), v.offset(), w.size(),
                    lr, momentum, wd);
        }
    }

    private static void update(float[] w, int wo, float[] g, int go, float[] v, int vo, int n,
                               float lr, float m, float wd) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector wv = FloatVector.fromArray(F, w, wo + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i).add(wv.mul(wd));
            FloatVector vv = FloatVector.fromArray(F, v, vo + i).mul(m).sub(gv.mul(lr));
            vv.intoArray(v, vo + i);
            wv.add(vv).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float vi = v[vo + i] * m - gi * lr;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] + vi;
        }
    }

    private static void update(double[] w, int wo, double[] g, int go, double[] v, int vo, int n,
                               double lr, double m, double wd) {
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector wv = DoubleVector.fromArray(D, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i).add(wv.mul(wd));
            DoubleVector vv = DoubleVector.fromArray(D, v, vo + i).mul(m).sub(gv.mul(lr));
            vv.intoArray(v, vo + i);
            wv.add(vv).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double vi = v[vo + i] * m - gi * lr;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] + vi;
        }
    }
}
