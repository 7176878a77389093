package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import dev.dlfs.tensor.spi.Options;
import java.util.List;

/** The book's {@code AdaGrad}: {@code h += g²; W −= lr·g / (√h + 1e-7)}. Slot {@code h}. */
public final class AdaGrad extends StatefulOptimizer {

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
        OptimizerSteps.adaGrad(w, g, slots[0], lr, Hyperparameters.EPSILON, wd);
    }
}
