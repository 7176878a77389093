package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import dev.dlfs.tensor.spi.Options;
import java.util.List;

/** Stochastic gradient descent, the book's {@code SGD}: {@code W -= lr·g}. */
public final class Sgd extends StatefulOptimizer {

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
        OptimizerSteps.sgd(w, g, lr, wd);
    }
}
