package dev.dlfs.optim.internal;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import java.util.List;

/** The book's {@code Momentum}: {@code v = momentum·v − lr·g; W += v}. Slot {@code v}. */
public final class Momentum extends StatefulOptimizer {
    private final double momentum;

    Momentum(double lr, double momentum, double weightDecay) {
        super("momentum", List.of("v"), lr, weightDecay);
        this.momentum = momentum;
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        OptimizerSteps.momentum(w, g, slots[0], lr, momentum, wd);
    }
}
