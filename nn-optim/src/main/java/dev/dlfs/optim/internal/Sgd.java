package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Stochastic gradient descent, the book's {@code SGD}: {@code W -= lr·g}. */
public final class Sgd extends StatefulOptimizer {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    Sgd(double lr, double weightDecay) {
        super("sgd", List.of(), lr, weightDecay);
    }

    /** {@code sgd}: options {@code lr} (0.01), {@code weight-decay} (0). */
    public static final class Provider extends BookOptimizerProvider {
        public Provider() {
            super("sgd");
        }

        @Override
        Optimizer make(Options o) {
            return new Sgd(Hyperparameters.learningRate(o, 0.01), Hyperparameters.weightDecay(o));
        }
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        if (w.dtype() == DType.FLOAT32) {
            update(w.floatArray(), w.offset(), g.floatArray(), g.offset(), w.size(), (float) lr, (float) wd);
        } else {
            update(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), w.size(), lr, wd);
        }
    }

    private static void update(float[] w, int wo, float[] g, int go, int n, float lr, float wd) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector wv = FloatVector.fromArray(F, w, wo + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i).add(wv.mul(wd));
            wv.sub(gv.mul(lr)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            w[wo + i] = w[wo + i] - lr * gi;
        }
    }

    private static void update(double[] w, int wo, double[] g, int go, int n, double lr, double wd) {
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector wv = DoubleVector.fromArray(D, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i).add(wv.mul(wd));
            wv.sub(gv.mul(lr)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            w[wo + i] = w[wo + i] - lr * gi;
        }
    }
}
