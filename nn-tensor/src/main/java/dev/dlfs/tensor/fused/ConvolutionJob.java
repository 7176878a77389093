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
        final FloatConvolutions.Windows windowsF = new FloatConvolutions.Windows();
        final FloatConvolutions.Windows backWindowsF = new FloatConvolutions.Windows();
        final DoubleConvolutions.Windows windowsD = new DoubleConvolutions.Windows();
        final DoubleConvolutions.Windows backWindowsD = new DoubleConvolutions.Windows();
    }

    private boolean inUse;
    private boolean backward;
    /** Forward: the output goes through ReLU in the pass that adds the bias. */
    private boolean rectify;
    private Geometry g;
    private int n;
    private int filters;
    private Tensor x;
    private Tensor w;
    private Tensor b;
    private Tensor y;
    private Tensor dx;
    /**
     * For a stride-1 input gradient: dy's planes as the images of a forward convolution that gives dx, and the
     * flipped filters it uses (C × FN·FH·FW), made before the parts start; null otherwise.
     */
    private Geometry back;
    /** Where the column matrices of x (under g) and of dy (under back) are masked shifted planes; else null. */
    private WindowMask mask;
    private WindowMask backMask;
    private float[] flippedF = new float[0];
    private double[] flippedD = new double[0];
    /** The filter gradient of each group, transposed (K × FN). */
    private float[][] groupsF = new float[0][];
    private double[][] groupsD = new double[0][];

    private ConvolutionJob() {
    }

    /** y = x ⊛ W + b, then max(y, 0) if {@code rectify}; arguments checked by {@link ConvolutionKernels#forward}. */
    static void forward(Tensor x, Tensor w, Tensor b, Tensor y, Geometry g, int n, int filters, boolean rectify) {
        ConvolutionJob job = acquire();
        job.rectify = rectify;
        job.run(false, x, w, b, y, null, g, n, filters);
    }

    /** dw from dy and x, and dx unless null; arguments checked by {@link ConvolutionKernels#backward}. */
    static void backward(Tensor x, Tensor w, Tensor dy, Tensor dw, Tensor dx, Geometry g, int n, int filters) {
        ConvolutionJob job = acquire();
        job.rectify = false;
        job.run(true, x, w, dy, dw, dx, g, n, filters);
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
            back = null;
            mask = WindowMask.of(g, mask);
            if (backward) {
                growGroups(groups, filters * g.k(), x.dtype());
                if (dx != null && g.sh() == 1 && g.sw() == 1 && g.ph() < g.fh() && g.pw() < g.fw()) {
                    back = new Geometry(filters, g.oh(), g.ow(), g.fh(), g.fw(), 1, 1, g.fh() - 1 - g.ph(),
                            g.fw() - 1 - g.pw());
                    flipFilters(w, filters, g);
                }
            }
            // Made here, before the parts start: the pool's hand-over publishes them to every part.
            backMask = back == null ? null : WindowMask.of(back, backMask);
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
        int slack = FloatConvolutions.COLUMN_SLACK; // the wider of the two (more float32 lanes per vector)
        int colSize = g.k() * g.plane() + slack;
        int dcolSize = back == null ? colSize : back.k() * back.plane() + slack;
        Scratch s = SCRATCH.get();
        if (x.dtype() == DType.FLOAT32) {
            if (s.colF.length < colSize) {
                s.colF = new float[colSize];
            }
            if (!backward) {
                FloatConvolutions.forwardImages(x.floatArray(), x.offset(), w.floatArray(), w.offset(),
                        b.floatArray(), b.offset(), y.floatArray(), y.offset(), g, filters, i0, i1, s.colF,
                        mask == null ? null : s.windowsF.use(mask), rectify);
                return;
            }
            if (dx != null && s.dcolF.length < dcolSize) {
                s.dcolF = new float[dcolSize];
            }
            FloatConvolutions.backwardImages(x.floatArray(), x.offset(), w.floatArray(), w.offset(), b.floatArray(),
                    b.offset(), dx == null ? null : dx.floatArray(), dx == null ? 0 : dx.offset(), g, filters, i0,
                    i1, s.colF, s.dcolF, groupsF[part], back, flippedF, mask == null ? null : s.windowsF.use(mask),
                    backMask == null ? null : s.backWindowsF.use(backMask));
        } else {
            if (s.colD.length < colSize) {
                s.colD = new double[colSize];
            }
            if (!backward) {
                DoubleConvolutions.forwardImages(x.doubleArray(), x.offset(), w.doubleArray(), w.offset(),
                        b.doubleArray(), b.offset(), y.doubleArray(), y.offset(), g, filters, i0, i1, s.colD,
                        mask == null ? null : s.windowsD.use(mask), rectify);
                return;
            }
            if (dx != null && s.dcolD.length < dcolSize) {
                s.dcolD = new double[dcolSize];
            }
            DoubleConvolutions.backwardImages(x.doubleArray(), x.offset(), w.doubleArray(), w.offset(),
                    b.doubleArray(), b.offset(), dx == null ? null : dx.doubleArray(), dx == null ? 0 : dx.offset(),
                    g, filters, i0, i1, s.colD, s.dcolD, groupsD[part], back, flippedD,
                    mask == null ? null : s.windowsD.use(mask), backMask == null ? null : s.backWindowsD.use(backMask));
        }
    }

    private void flipFilters(Tensor w, int filters, Geometry g) {
        int size = w.size();
        if (w.dtype() == DType.FLOAT32) {
            if (flippedF.length < size) {
                flippedF = new float[size];
            }
            FloatConvolutions.flip(w.floatArray(), w.offset(), filters, g, flippedF);
        } else {
            if (flippedD.length < size) {
                flippedD = new double[size];
            }
            DoubleConvolutions.flip(w.doubleArray(), w.offset(), filters, g, flippedD);
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
            FloatConvolutions.addGroups(groupsF, groups, dw.floatArray(), dw.offset(), filters, g.k());
        } else {
            DoubleConvolutions.addGroups(groupsD, groups, dw.doubleArray(), dw.offset(), filters, g.k());
        }
    }
}
