package dev.dlfs.data;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The book's sampler: every call draws {@code batchSize} row indices uniformly at random, with replacement, like
 * {@code batch_mask = np.random.choice(train_size, batch_size)}. An epoch is the book's
 * {@code max(train_size / batch_size, 1)} iterations.
 */
public final class RandomBatchSampler implements BatchSampler {
    private final Dataset data;
    private final RandomGenerator rng;
    private final Batch batch;

    /** Draws from a generator seeded with {@code seed}. */
    public RandomBatchSampler(Dataset data, int batchSize, long seed) {
        this(data, batchSize, new SplittableRandom(seed));
    }

    /** Draws from {@code rng} (shared with other users of the generator, if the caller wishes). */
    public RandomBatchSampler(Dataset data, int batchSize, RandomGenerator rng) {
        if (batchSize < 1 || data.size() < 1) {
            throw new IllegalArgumentException("RandomBatchSampler: batch size " + batchSize + " from " + data.name()
                    + " of " + data.size() + " samples; both must be at least 1");
        }
        this.data = data;
        this.rng = rng;
        this.batch = Batch.allocate(data, batchSize);
    }

    @Override
    public Batch next() {
        int[] idx = batch.indices();
        int n = data.size();
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rng.nextInt(n);
        }
        return batch.gather(data);
    }

    @Override
    public int batchSize() {
        return batch.size();
    }

    @Override
    public int batchesPerEpoch() {
        return Math.max(data.size() / batch.size(), 1);
    }
}
