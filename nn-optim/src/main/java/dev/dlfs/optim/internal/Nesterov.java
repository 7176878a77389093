package dev.dlfs.optim.internal;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import java.util.List;

/**
 * Nesterov's accelerated gradient in the form of the book's {@code Nesterov}:
 * {@code v = m·v − lr·g; W += m·m·v; W −= (1 + m)·lr·g}. Slot {@code v}.
 */
public final class Nesterov extends StatefulOptimizer {
    private final double momentum;

    Nesterov(double lr, double momentum, double weightDecay) {
        super("nesterov", List.of("v"), lr, weightDecay);
        this.momentum = momentum;
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        OptimizerSteps.nesterov(w, g, slots[0], lr, momentum, wd);
    }
}
