package dev.dlfs.optim.internal;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import java.util.List;

/** Stochastic gradient descent, the book's {@code SGD}: {@code W -= lr·g}. */
public final class Sgd extends StatefulOptimizer {

    Sgd(double lr, double weightDecay) {
        super("sgd", List.of(), lr, weightDecay);
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        OptimizerSteps.sgd(w, g, lr, wd);
    }
}
