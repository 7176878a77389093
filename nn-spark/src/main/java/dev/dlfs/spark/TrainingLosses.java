package dev.dlfs.spark;

import dev.dlfs.model.Network;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.WeightDecay;

/** The loss a step records, as {@code Trainer} records it: the batch loss plus, after the update, the L2 penalty. */
final class TrainingLosses {
    private TrainingLosses() {
    }

    static double recorded(double batchLoss, Optimizer optimizer, Network net) {
        double lambda = optimizer.weightDecay();
        return lambda > 0 ? batchLoss + WeightDecay.penalty(net.parameters(), lambda) : batchLoss;
    }
}
