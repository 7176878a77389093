package dev.dlfs.data;

import dev.dlfs.tensor.Tensor;

/**
 * One mini-batch: the samples {@code x}, their targets {@code t} and the row {@code indices} they were copied from.
 * All three are buffers the sampler reuses: they hold this batch until the sampler's next call.
 */
public record Batch(Tensor x, Tensor t, int[] indices) {

    /** Number of samples in this batch. */
    public int size() {
        return indices.length;
    }

    /** Zeroed buffers for {@code rows} samples shaped like {@code data}'s. */
    static Batch allocate(Dataset data, int rows) {
        return new Batch(Tensor.zeros(data.x().dtype(), withRows(data.x(), rows)),
                Tensor.zeros(data.t().dtype(), withRows(data.t(), rows)), new int[rows]);
    }

    /** Copies rows {@code indices} of {@code data} into this batch's buffers; returns this. */
    Batch gather(Dataset data) {
        data.x().gatherRows(indices, x);
        data.t().gatherRows(indices, t);
        return this;
    }

    private static int[] withRows(Tensor like, int rows) {
        int[] s = like.shape();
        s[0] = rows;
        return s;
    }
}
