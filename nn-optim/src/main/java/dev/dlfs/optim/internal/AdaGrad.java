package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The book's {@code AdaGrad}: {@code h += g²; W −= lr·g / (√h + 1e-7)}. Slot {@code h}. */
public final class AdaGrad extends StatefulOptimizer {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    AdaGrad(double lr, double weightDecay) {
        super("adagrad", List.of("h"), lr, weightDecay);
    }

    /** {@code adagrad}: options {@code lr} (0.01), {@code weight-decay} (0). */
    public static final class Provider extends BookOptimizerProvider {
        public Provider() {
            super("adagrad");
        }

        @Override
        Optimizer make(Options o) {
            return new AdaGrad(Hyperparameters.learningRate(o, 0.01), Hyperparameters.weightDecay(o));
        }
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        Tensor h = slots[0];
        if (w.dtype() == DType.FLOAT32) {
            update(w.floatArray(), w.offset(), g.floatArray(), g.offset(), h.floatArray(), h.offset(), w.size(),
                    (float) lr, (float) wd);
        } else {
            update(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), h.doubleArray(), h.offset(), w.size(),
                    lr, wd);
        }
    }

    private static void update(float[] w, int wo, float[] g, int go, float[] h, int ho, int n, float lr, float wd) {
        float eps = (float) Hyperparameters.EPSILON;
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector wv = FloatVector.fromArray(F, w, wo + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i).add(wv.mul(wd));
            FloatVector hv = FloatVector.fromArray(F, h, ho + i).add(gv.mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float hi = h[ho + i] + gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / ((float) Math.sqrt(hi) + eps);
        }
    }

    private static void update(double[] w, int wo, double[] g, int go, double[] h, int ho, int n,
                               double lr, double wd) {
        double eps = Hyperparameters.EPSILON;
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector wv = DoubleVector.fromArray(D, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i).add(wv.mul(wd));
            DoubleVector hv = DoubleVector.fromArray(D, h, ho + i).add(gv.mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double hi = h[ho + i] + gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / (Math.sqrt(hi) + eps);
        }
    }
}
