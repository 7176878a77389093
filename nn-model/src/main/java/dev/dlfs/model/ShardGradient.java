package dev.dlfs.model;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard's part of a batch gradient: the sum over its samples of the per-sample gradients (the shard's mean
 * gradient times its count), in the order of {@link Network#parameters()}, with its loss sum and count. A batch's
 * gradient is the sum of its shards' sums, added in shard order, divided by the batch's count: the same floating-point
 * operations wherever each shard was computed, so the same bits.
 *
 * @param shard   the shard's index in its {@link ShardPlan}
 * @param count   samples in the shard
 * @param lossSum the shard's mean loss times its count
 * @param sums    per-parameter gradient sums, shaped as the parameters
 */
public record ShardGradient(int shard, int count, double lossSum, List<Tensor> sums) {
    public ShardGradient {
        sums = List.copyOf(sums);
    }

    /** Backpropagates one shard's samples through {@code network} (overwriting its gradients) and keeps the sums. */
    public static ShardGradient of(Network network, int shard, Tensor x, Tensor t) {
        requireSplittable(network);
        network.gradient(x, t);
        int n = x.dim(0);
        List<Tensor> sums = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            sums.add(p.grad().mul(n));
        }
        return new ShardGradient(shard, n, network.lastLoss() * n, sums);
    }

    /**
     * Writes the batch gradient of {@code shards} (given in shard order 0, 1, …) into {@code network}'s parameter
     * gradients and returns the batch's mean loss.
     */
    public static double apply(Network network, List<ShardGradient> shards) {
        List<Parameter> params = network.parameters();
        long count = 0;
        double loss = 0;
        for (int s = 0; s < shards.size(); s++) {
            ShardGradient g = shards.get(s);
            if (g.shard() != s || g.sums().size() != params.size()) {
                throw new IllegalArgumentException("shard gradients must come in shard order with one sum per"
                        + " parameter (" + params.size() + "); position " + s + " holds shard " + g.shard()
                        + " with " + g.sums().size());
            }
            count += g.count();
            loss += g.lossSum();
        }
        for (int k = 0; k < params.size(); k++) {
            Tensor grad = params.get(k).grad();
            grad.copyFrom(shards.getFirst().sums().get(k));
            for (int s = 1; s < shards.size(); s++) {
                grad.addInPlace(shards.get(s).sums().get(k));
            }
            grad.divInPlace(count);
        }
        return loss / count;
    }

    /**
     * Refuses a network whose training pass couples the samples of a batch, which no sum of shard gradients
     * reproduces: batch normalization (statistics of the whole batch) and dropout (masks from the layer's own
     * generator, whose sequence depends on how many batches went through that copy of the layer).
     */
    public static void requireSplittable(Network network) {
        for (NamedLayer l : network.layers()) {
            String kind = l.layer().getClass().getSimpleName();
            String why = switch (kind) {
                case "BatchNormalization" -> "normalizes with the statistics of the whole batch";
                case "Dropout" -> "draws its masks from the layer's own generator, one batch after another";
                default -> null;
            };
            if (why != null) {
                throw new IllegalArgumentException(network.config().name() + ": layer " + l.name() + " (" + l.type()
                        + ") " + why + ", so a batch gradient is not the sum of its shards' gradients; sharded"
                        + " (distributed exact) training needs layers that treat every sample on its own");
            }
        }
    }
}
