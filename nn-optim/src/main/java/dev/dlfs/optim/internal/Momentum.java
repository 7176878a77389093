package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import dev.dlfs.tensor.spi.Options;
import java.util.List;

/** The book's {@code Momentum}: {@code v = momentum·v − lr·g; W += v}. Slot {@code v}. */
public final class Momentum extends StatefulOptimizer {
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
        OptimizerSteps.momentum(w, g, slots[0], lr, momentum, wd);
    }
}
