package dev.dlfs.model;

import dev.dlfs.data.Dataset;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Single-JVM sharded training: each iteration's shards drawn from one data set and summed as distributed runs do. */
final class ShardedBatches {
    private final ShardPlan plan;
    private final Dataset data;
    private final Tensor[] xs;
    private final Tensor[] ts;

    ShardedBatches(Network network, Dataset data, TrainingConfig config) {
        ShardGradient.requireSplittable(network);
        this.plan = ShardPlan.of(config, data.size());
        this.data = data;
        this.xs = new Tensor[plan.shards()];
        this.ts = new Tensor[plan.shards()];
        for (int s = 0; s < plan.shards(); s++) {
            xs[s] = Tensor.zeros(data.x().dtype(), withRows(data.x(), plan.batch(s)));
            ts[s] = Tensor.zeros(data.t().dtype(), withRows(data.t(), plan.batch(s)));
        }
    }

    /** Writes iteration {@code i}'s batch gradient into the network and returns its loss. */
    double gradient(Network network, int i) {
        List<ShardGradient> parts = new ArrayList<>(plan.shards());
        for (int s = 0; s < plan.shards(); s++) {
            int[] rows = plan.draw(s, i);
            int first = plan.firstRow(s);
            for (int k = 0; k < rows.length; k++) {
                rows[k] += first;
            }
            data.x().gatherRows(rows, xs[s]);
            data.t().gatherRows(rows, ts[s]);
            parts.add(ShardGradient.of(network, s, xs[s], ts[s]));
        }
        return ShardGradient.apply(network, parts);
    }

    /** The samples of shard 0's last batch, to describe a failure. */
    Tensor sample() {
        return xs[0];
    }

    private static int[] withRows(Tensor like, int rows) {
        int[] s = like.shape();
        s[0] = rows;
        return s;
    }
}
