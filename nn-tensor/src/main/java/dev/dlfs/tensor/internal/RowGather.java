package dev.dlfs.tensor.internal;

/**
 * Copies chosen rows of a large array into a batch, on the {@link WorkerPool}. A mini-batch drawn at random from
 * MNIST touches a hundred rows scattered over 188 MB: the copy waits on memory, not on arithmetic, and two cores
 * keep twice as many reads in flight as one.
 */
public final class RowGather implements WorkerPool.Job {
    /** Below this many values per call one thread copies faster than two can be started. */
    private static final int PARALLEL_VALUES = 32 * 1024;
    /** One reusable job per calling thread: no allocation per call. */
    private static final ThreadLocal<RowGather> JOBS = ThreadLocal.withInitial(RowGather::new);

    private Object src;
    private int srcOff;
    private Object dst;
    private int dstOff;
    private int[] idx;
    private int rowSize;
    private int parts;

    private RowGather() {
    }

    /**
     * Copies row {@code idx[i]} of {@code src} (rows of {@code rowSize} values from {@code srcOff}) to row {@code i}
     * of {@code dst} (from {@code dstOff}), for every i; both arrays {@code float[]} or both {@code double[]}.
     * Indices must have been checked.
     */
    public static void gather(Object src, int srcOff, int[] idx, int rowSize, Object dst, int dstOff, int threads) {
        long values = (long) idx.length * rowSize;
        int parts = values < PARALLEL_VALUES ? 1 : Math.min(idx.length, threads);
        RowGather job = JOBS.get();
        if (parts == 1 || job.idx != null) {
            copy(src, srcOff, idx, 0, idx.length, rowSize, dst, dstOff);
            return;
        }
        job.src = src;
        job.srcOff = srcOff;
        job.dst = dst;
        job.dstOff = dstOff;
        job.idx = idx;
        job.rowSize = rowSize;
        job.parts = parts;
        try {
            WorkerPool.shared().run(job, parts, threads);
        } finally {
            job.src = null;
            job.dst = null;
            job.idx = null;
        }
    }

    @Override
    public void runPart(int part) {
        int from = (int) ((long) idx.length * part / parts);
        int to = (int) ((long) idx.length * (part + 1) / parts);
        copy(src, srcOff, idx, from, to, rowSize, dst, dstOff);
    }

    private static void copy(Object src, int srcOff, int[] idx, int from, int to, int rowSize, Object dst,
                             int dstOff) {
        for (int i = from; i < to; i++) {
            System.arraycopy(src, srcOff + idx[i] * rowSize, dst, dstOff + i * rowSize, rowSize);
        }
    }
}
