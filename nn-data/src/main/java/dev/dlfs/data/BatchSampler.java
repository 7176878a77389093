package dev.dlfs.data;

/**
 * Draws mini-batches from a {@link Dataset} into buffers it reuses, so that a warm training loop allocates no
 * batch-sized arrays. Same seed, same batches.
 *
 * <pre>{@code
 * BatchSampler sampler = new RandomBatchSampler(mnist.train(), 100, 42);
 * for (int i = 0; i < 10_000; i++) {
 *     Batch b = sampler.next();          // b.x() (100, 784), b.t() (100,) or (100, 10)
 *     network.gradient(b.x(), b.t());
 * }
 * }</pre>
 */
public interface BatchSampler {
    /** The next mini-batch; its tensors are overwritten by the following call. */
    Batch next();

    /** Samples in a full batch. */
    int batchSize();

    /** Calls of {@link #next()} that make one epoch (one pass over the data set's size). */
    int batchesPerEpoch();
}
