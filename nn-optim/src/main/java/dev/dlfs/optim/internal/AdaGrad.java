package dev.dlfs.optim.internal;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import java.util.List;

/** The book's {@code AdaGrad}: {@code h += g²; W −= lr·g / (√h + 1e-7)}. Slot {@code h}. */
public final class AdaGrad extends StatefulOptimizer {

    AdaGrad(double lr, double weightDecay) {
        super("adagrad", List.of("h"), lr, weightDecay);
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        OptimizerSteps.adaGrad(w, g, slots[0], lr, Hyperparameters.EPSILON, wd);
    }
}
