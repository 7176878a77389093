package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.PoolingKernels.Geometry;

/**
 * The pooling loops of {@link PoolingKernels} (the vector loops, and max pooling's backward scatter) over ranges of
 * planes, on both cores for a batch's worth of planes. Every plane is pooled the same way whatever range holds it, so the bits do not depend on the thread count.
 * The window tables are built before the parts start and only read by them; each part has its own tail buffer.
 */
final class PoolingJob extends RangeJob {
    /** The loops, by what they compute. */
    enum Kind {
        MAX_FORWARD, AVERAGE_FORWARD, AVERAGE_BACKWARD, MAX_BACKWARD
    }

    /** Below this many input values per part, handing out parts costs more than it saves. */
    private static final int MIN_VALUES = 1 << 15;
    private static final ThreadLocal<PoolingJob> JOBS = ThreadLocal.withInitial(PoolingJob::new);

    private Kind kind;
    private Geometry g;
    private Tensor image;
    private Tensor pooled;
    private int[] argmax;
    private PoolingKernels.Scratch scratch;
    private int[][] tails = new int[0][];

    /**
     * Runs {@code kind} over {@code planes} planes: {@code image} is x (forward) or dx (backward), {@code pooled} y
     * or dout. Operands already checked, {@code scratch}'s tables already built for g where the kind needs them.
     */
    static void run(Kind kind, Tensor image, Tensor pooled, int[] argmax, PoolingKernels.Scratch scratch, int planes,
                    Geometry g) {
        PoolingJob job = JOBS.get();
        job.kind = kind;
        job.g = g;
        job.image = image;
        job.pooled = pooled;
        job.argmax = argmax;
        job.scratch = scratch;
        try {
            job.run(planes, 1, Math.max(1, MIN_VALUES / Math.max(1, g.h() * g.w())));
        } finally {
            job.image = null;
            job.pooled = null;
            job.argmax = null;
            job.scratch = null;
        }
    }

    @Override
    void prepare(int parts) {
        if (tails.length < parts) {
            int had = tails.length;
            tails = java.util.Arrays.copyOf(tails, parts);
            for (int p = had; p < parts; p++) {
                tails[p] = new int[64];
            }
        }
    }

    @Override
    void range(int part, int lo, int hi) {
        boolean f32 = image.dtype() == DType.FLOAT32;
        int[] tail = tails[part];
        switch (kind) {
            case MAX_FORWARD -> {
                if (f32) {
                    FloatPooling.maxForward(image.floatArray(), image.offset(), pooled.floatArray(), pooled.offset(),
                            argmax, lo, hi, g, scratch.table(g), scratch.chunk(), tail);
                } else {
                    DoublePooling.maxForward(image.doubleArray(), image.offset(), pooled.doubleArray(),
                            pooled.offset(), argmax, lo, hi, g, scratch.table(g), scratch.chunk(), tail);
                }
            }
            case AVERAGE_FORWARD -> {
                if (f32) {
                    FloatPooling.averageForward(image.floatArray(), image.offset(), pooled.floatArray(),
                            pooled.offset(), lo, hi, g, scratch.table(g), scratch.chunk(), tail);
                } else {
                    DoublePooling.averageForward(image.doubleArray(), image.offset(), pooled.doubleArray(),
                            pooled.offset(), lo, hi, g, scratch.table(g), scratch.chunk(), tail);
                }
            }
            case AVERAGE_BACKWARD -> {
                if (f32) {
                    FloatPooling.averageBackward(pooled.floatArray(), pooled.offset(), image.floatArray(),
                            image.offset(), lo, hi, g, scratch.owners(), scratch.owned(), scratch.ownerChunk());
                } else {
                    DoublePooling.averageBackward(pooled.doubleArray(), pooled.offset(), image.doubleArray(),
                            image.offset(), lo, hi, g, scratch.owners(), scratch.owned(), scratch.ownerChunk());
                }
            }
            case MAX_BACKWARD -> {
                if (f32) {
                    FloatPooling.maxBackward(pooled.floatArray(), pooled.offset(), image.floatArray(), image.offset(),
                            argmax, lo, hi, g);
                } else {
                    DoublePooling.maxBackward(pooled.doubleArray(), pooled.offset(), image.doubleArray(),
                            image.offset(), argmax, lo, hi, g);
                }
            }
        }
    }
}
