package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.ConvolutionKernels.Geometry;
import dev.dlfs.tensor.internal.WorkerPool;

/**
 * One call of {@link ConvolutionKernels} on the {@link WorkerPool}: the batch is cut into groups of
 * {@link #IMAGES_PER_GROUP} images, one part each, whatever the thread count. A forward part writes its images'
 * output planes; a backward part writes its images' input gradients and its group's filter gradient, and the groups'
 * filter gradients are then added in group order. Column matrices are per-thread scratch space, group gradients
 * belong to the job; both are kept for the next call, so a warm training loop allocates nothing.
 */
final class ConvolutionJob implements WorkerPool.Job {
    /**
     * Images per part. A constant, not fitted to the thread count: the groups decide how the filter gradient is
     * rounded. Small enough that a batch of 100 gives both cores an even share (25 parts).
     */
    static final int IMAGES_PER_GROUP = 4;
    /** Below this many flops one thread does it all: handing out parts costs microseconds. */
    private static final long FLOPS_PER_THREAD = 2_000_000;
    private static final ThreadLocal<ConvolutionJob> JOBS = ThreadLocal.withInitial(ConvolutionJob::new);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** One thread's column matrices, grown to the largest image seen. */
    private static final class Scratch {
        float[] colF = new float[0];
        float[] dcolF = new float[0];
        double[] colD = new double[0];
        double[] dcolD = new double[0];
    }

    private boolean inUse;
    private boolean backward;
    private Geometry g;
    private int n;
    private int filters;
    private Tensor x;
    private Tensor w;
    private Tensor b;
    private Tensor y;
    private Tensor dx;
    /** The filter gradient of each group, FN·K values each. */
    private float[][] groupsF = new float[0][];
    private double[][] groupsD = new double[0][];

    private ConvolutionJob() {
    }

    /** y = x ⊛ W + b; arguments checked by {@link ConvolutionKernels#forward}. */
    static void forward(Tensor x, Tensor w, Tensor b, Tensor y, Geometry g, int n, int filters) {
        acquire().run(false, x, w, b, y, null, g, n, filters);
    }

    /** dw from dy and x, and dx unless null; arguments checked by {@link ConvolutionKernels#backward}. */
    static void backward(Tensor x, Tensor w, Tensor dy, Tensor dw, Tensor dx, Geometry g, int n, int filters) {
        acquire().run(true, x, w, dy, dw, dx, g, n, filters);
    }

    private static ConvolutionJob acquire() {
        ConvolutionJob job = JOBS.get();
        return job.inUse ? new ConvolutionJob() : job;
    }

    /**
     * Runs every group; {@code b} is the bias (forward) or dy (backward), {@code y} the output (forward) or dw
     * (backward).
     */
    private void run(boolean backward, Tensor x, Tensor w, Tensor b, Tensor y, Tensor dx, Geometry g, int n,
                     int filters) {
        if (n == 0) {
            if (backward) {
                y.fill(0);
            }
            return;
        }
        inUse = true;
        try {
            this.backward = backward;
            this.x = x;
            this.w = w;
            this.b = b;
            this.y = y;
            this.dx = dx;
            this.g = g;
            this.n = n;
            this.filters = filters;
            int groups = (n + IMAGES_PER_GROUP - 1) / IMAGES_PER_GROUP;
            if (backward) {
                growGroups(groups, filters * g.k(), x.dtype());
            }
            long flops = 2L * n * filters * g.k() * g.plane() * (backward ? 2 : 1);
            int threads = (int) Math.max(1, Math.min(Parallelism.threads(), flops / FLOPS_PER_THREAD));
            WorkerPool.shared().run(this, groups, threads);
            if (backward) {
                addGroups(groups, y);
            }
        } finally {
            this.x = null;
            this.w = null;
            this.b = null;
            this.y = null;
            this.dx = null;
            inUse = false;
        }
    }

    @Override
    public void runPart(int part) {
        int i0 = part * IMAGES_PER_GROUP;
        int i1 = Math.min(n, i0 + IMAGES_PER_GROUP);
        int colSize = g.k() * g.plane();
        Scratch s = SCRATCH.get();
        if (x.dtype() == DType.FLOAT32) {
            if (s.colF.length < colSize) {
                s.colF = new float[colSize];
            }
            if (!backward) {
                FloatConvolutions.forwardImages(x.floatArray(), x.offset(), w.floatArray(), w.offset(),
                        b.floatArray(), b.offset(), y.floatArray(), y.offset(), g, filters, i0, i1, s.colF);
                return;
            }
            if (dx != null && s.dcolF.length < colSize) {
                s.dcolF = new float[colSize];
            }
            FloatConvolutions.backwardImages(x.floatArray(), x.offset(), w.floatArray(), w.offset(), b.floatArray(),
                    b.offset(), dx == null ? null : dx.floatArray(), dx == null ? 0 : dx.offset(), g, filters, i0,
                    i1, s.colF, s.dcolF, groupsF[part]);
        } else {
            if (s.colD.length < colSize) {
                s.colD = new double[colSize];
            }
            if (!backward) {
                DoubleConvolutions.forwardImages(x.doubleArray(), x.offset(), w.doubleArray(), w.offset(),
                        b.doubleArray(), b.offset(), y.doubleArray(), y.offset(), g, filters, i0, i1, s.colD);
                return;
            }
            if (dx != null && s.dcolD.length < colSize) {
                s.dcolD = new double[colSize];
            }
            DoubleConvolutions.backwardImages(x.doubleArray(), x.offset(), w.doubleArray(), w.offset(),
                    b.doubleArray(), b.offset(), dx == null ? null : dx.doubleArray(), dx == null ? 0 : dx.offset(),
                    g, filters, i0, i1, s.colD, s.dcolD, groupsD[part]);
        }
    }

    private void growGroups(int groups, int size, DType dtype) {
        if (dtype == DType.FLOAT32) {
            if (groupsF.length < groups) {
                groupsF = java.util.Arrays.copyOf(groupsF, groups);
            }
            for (int i = 0; i < groups; i++) {
                if (groupsF[i] == null || groupsF[i].length < size) {
                    groupsF[i] = new float[size];
                }
            }
        } else {
            if (groupsD.length < groups) {
                groupsD = java.util.Arrays.copyOf(groupsD, groups);
            }
            for (int i = 0; i < groups; i++) {
                if (groupsD[i] == null || groupsD[i].length < size) {
                    groupsD[i] = new double[size];
                }
            }
        }
    }

    /** dw = the groups' filter gradients added in group order. */
    private void addGroups(int groups, Tensor dw) {
        if (dw.dtype() == DType.FLOAT32) {
            FloatConvolutions.addGroups(groupsF, groups, dw.floatArray(), dw.offset(), dw.size());
        } else {
            DoubleConvolutions.addGroups(groupsD, groups, dw.doubleArray(), dw.offset(), dw.size());
        }
    }
}
