package dev.dlfs.data;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Epoch-wise shuffling without replacement: each epoch visits every sample once, in a fresh random order, in
 * batches of {@code batchSize}. When the size is not a multiple of the batch size, the last batch of an epoch is
 * either kept smaller ({@code dropLast = false}) or dropped ({@code dropLast = true}, every batch full).
 */
public final class EpochSampler implements BatchSampler {
    private final Dataset data;
    private final RandomGenerator rng;
    private final boolean dropLast;
    private final int[] order;
    private final int perEpoch;
    private final int limit;
    private final Batch full;
    private final Batch last;
    private int position;
    private int epoch = -1;

    /** Shuffles with a generator seeded with {@code seed}. */
    public EpochSampler(Dataset data, int batchSize, boolean dropLast, long seed) {
        this(data, batchSize, dropLast, new SplittableRandom(seed));
    }

    /** Shuffles with {@code rng}. */
    public EpochSampler(Dataset data, int batchSize, boolean dropLast, RandomGenerator rng) {
        int n = data.size();
        if (batchSize < 1 || n < 1 || (dropLast && batchSize > n)) {
            throw new IllegalArgumentException("EpochSampler: batch size " + batchSize + " from " + data.name()
                    + " of " + n + " samples" + (dropLast ? " with drop-last" : "")
                    + "; need 1 <= batch size" + (dropLast ? " <= samples" : "") + " and at least 1 sample");
        }
        this.data = data;
        this.rng = rng;
        this.dropLast = dropLast;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int rest = n % batchSize;
        this.perEpoch = n / batchSize + (rest != 0 && !dropLast ? 1 : 0);
        this.full = Batch.allocate(data, Math.min(batchSize, n));
        this.last = rest != 0 && !dropLast && n > batchSize ? Batch.allocate(data, rest) : null;
        this.limit = dropLast ? n - rest : n;
        this.position = limit;
    }

    @Override
    public Batch next() {
        if (position >= limit) {
            shuffle();
            position = 0;
            epoch++;
        }
        Batch b = limit - position >= full.size() ? full : last;
        System.arraycopy(order, position, b.indices(), 0, b.size());
        position += b.size();
        return b.gather(data);
    }

    /** The epoch (counting from 0) that the last batch belongs to; -1 before the first. */
    public int epoch() {
        return epoch;
    }

    /** Whether the last batch was the final one of its epoch. */
    public boolean endOfEpoch() {
        return epoch >= 0 && position >= limit;
    }

    @Override
    public int batchSize() {
        return full.size();
    }

    @Override
    public int batchesPerEpoch() {
        return perEpoch;
    }

    // Fisher–Yates on the previous order: still a uniform permutation, and reproducible from the seed.
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
