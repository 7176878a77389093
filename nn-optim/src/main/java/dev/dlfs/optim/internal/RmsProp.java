package dev.dlfs.optim.internal;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import java.util.List;

/**
 * The book's {@code RMSprop}: {@code h = ρ·h + (1 − ρ)·g²; W −= lr·g / (√h + 1e-7)}, ρ being {@code decay-rate}.
 * Slot {@code h}.
 */
public final class RmsProp extends StatefulOptimizer {
    private final double decayRate;

    RmsProp(double lr, double decayRate, double weightDecay) {
        super("rmsprop", List.of("h"), lr, weightDecay);
        this.decayRate = decayRate;
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        OptimizerSteps.rmsProp(w, g, slots[0], lr, decayRate, Hyperparameters.EPSILON, wd);
    }
}
