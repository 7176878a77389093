package dev.dlfs.model;

import java.util.SplittableRandom;

/**
 * How every global batch of a sharded training run is drawn, independently of where it is computed: the training
 * set is cut into {@code shards} contiguous ranges of rows (data shards), and at each iteration shard {@code s}
 * draws its part of the batch from its own range only, from a generator seeded by (seed, shard, iteration), or
 * (seed, shard, epoch) for shuffled epochs. A shard's draw is thus a pure function of its arguments: a machine
 * holding only that range computes it, a retried task draws the same rows again, and the number of machines or
 * partitions never changes which rows form a batch.
 *
 * <p>Batch sizes are split as evenly as the ranges: shard {@code s} draws {@code batchSize / shards} samples, one
 * more for the first {@code batchSize % shards} shards. With {@link Sampling#SHUFFLE} each shard walks a fresh
 * permutation of its own rows per epoch of {@code rows / batch} full batches (the remainder is left for that epoch).
 *
 * @param trainSize samples in the training set
 * @param batchSize samples of the global batch
 * @param shards    parts of every batch, at most {@code batchSize} and {@code trainSize}
 * @param sampling  with replacement at random, or shuffled epochs
 * @param seed      the run's seed
 */
public record ShardPlan(int trainSize, int batchSize, int shards, Sampling sampling, long seed)
        implements java.io.Serializable {
    public ShardPlan {
        if (shards < 1 || shards > batchSize || shards > trainSize || sampling == null) {
            throw new IllegalArgumentException("shards: " + shards + " shards of a batch of " + batchSize + " from "
                    + trainSize + " samples; need 1 <= shards <= min(batch size, samples) and a sampler");
        }
        for (int s = 0; s < shards && sampling == Sampling.SHUFFLE; s++) {
            int rows = (int) ((long) (s + 1) * trainSize / shards - (long) s * trainSize / shards);
            int batch = batchSize / shards + (s < batchSize % shards ? 1 : 0);
            if (rows < batch) {
                throw new IllegalArgumentException("shards: shard " + s + " holds " + rows + " samples, fewer than"
                        + " its part of the batch (" + batch + ") of a shuffled epoch; use fewer shards");
            }
        }
    }

    /** The plan of {@code config} (which must ask for shards) on a training set of {@code trainSize} samples. */
    public static ShardPlan of(TrainingConfig config, int trainSize) {
        if (config.shards() < 1) {
            throw new IllegalArgumentException("training: this run is not sharded (shards: 0); set training.shards");
        }
        return new ShardPlan(trainSize, config.batchSize(), config.shards(), config.sampler(), config.seed());
    }

    /** The first row of shard {@code s}'s range of the training set. */
    public int firstRow(int s) {
        return (int) ((long) s * trainSize / shards);
    }

    /** The number of rows in shard {@code s}'s range. */
    public int rows(int s) {
        return firstRow(s + 1) - firstRow(s);
    }

    /** The shard whose range holds row {@code row}. */
    public int shardOf(int row) {
        int s = (int) ((long) row * shards / trainSize);
        // Integer division of the boundaries may put the row one range further on.
        while (s + 1 < shards && row >= firstRow(s + 1)) {
            s++;
        }
        while (row < firstRow(s)) {
            s--;
        }
        return s;
    }

    /** Samples that shard {@code s} contributes to each batch. */
    public int batch(int s) {
        return batchSize / shards + (s < batchSize % shards ? 1 : 0);
    }

    /** The rows shard {@code s} draws at {@code iteration}, counted from the start of its range. */
    public int[] draw(int s, int iteration) {
        int rows = rows(s);
        int[] out = new int[batch(s)];
        if (sampling == Sampling.RANDOM) {
            SplittableRandom rng = new SplittableRandom(key(s, iteration));
            for (int i = 0; i < out.length; i++) {
                out[i] = rng.nextInt(rows);
            }
            return out;
        }
        int perEpoch = rows / out.length;
        int[] order = permutation(rows, new SplittableRandom(key(s, iteration / perEpoch)));
        System.arraycopy(order, (iteration % perEpoch) * out.length, out, 0, out.length);
        return out;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    // A generator seed per (seed, shard, step): mixed, so that neighbouring steps give unrelated streams (seeds that
    // differ by a constant would give SplittableRandom overlapping ones).
    private long key(int s, int step) {
        return mix(mix(mix(seed) ^ s) ^ step);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
