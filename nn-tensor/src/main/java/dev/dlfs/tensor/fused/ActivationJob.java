package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * One element-wise activation kernel of {@link ActivationKernels} over a flat run, on both cores when the run is
 * large (a convolution layer's activations are over a million values per batch, and one core does not saturate
 * memory). Ranges are cut at multiples of 64 elements, so every element takes the same vector or scalar path as in
 * one undivided run: the bits do not depend on the thread count.
 */
final class ActivationJob extends RangeJob {
    /** The kernels, which share one signature: a saved tensor (the input or output), dout and dx. */
    enum Kind {
        RELU, SOFTPLUS, RELU_BACKWARD, SIGMOID_BACKWARD, TANH_BACKWARD, SOFTPLUS_BACKWARD
    }

    /** Ranges are cut at multiples of this many elements: a multiple of every vector length. */
    private static final int BLOCK = 64;
    /** Below this many elements per part, handing out parts costs more than it saves. */
    private static final int MIN_ELEMENTS = 1 << 15;
    private static final ThreadLocal<ActivationJob> JOBS = ThreadLocal.withInitial(ActivationJob::new);

    private Kind kind;
    private boolean f32;
    private Object s;
    private Object g;
    private Object d;
    private int so;
    private int go;
    private int dxo;

    /**
     * Runs {@code kind} over all elements: {@code out = f(saved)} for the forward kinds ({@code dout} unused, may be
     * null), {@code out = f'(saved)·dout} for the backward ones. Operands already checked by the caller.
     */
    static void run(Kind kind, Tensor saved, Tensor dout, Tensor out) {
        ActivationJob job = JOBS.get();
        job.kind = kind;
        job.f32 = saved.dtype() == DType.FLOAT32;
        job.s = job.f32 ? saved.floatArray() : saved.doubleArray();
        job.g = dout == null ? null : job.f32 ? dout.floatArray() : dout.doubleArray();
        job.d = job.f32 ? out.floatArray() : out.doubleArray();
        job.so = saved.offset();
        job.go = dout == null ? 0 : dout.offset();
        job.dxo = out.offset();
        try {
            job.run(saved.size(), BLOCK, MIN_ELEMENTS);
        } finally {
            job.s = null;
            job.g = null;
            job.d = null;
        }
    }

    @Override
    void range(int part, int lo, int hi) {
        int n = hi - lo;
        if (f32) {
            float[] sv = (float[]) s;
            float[] gv = (float[]) g;
            float[] dv = (float[]) d;
            switch (kind) {
                case RELU -> FloatActivations.relu(sv, so + lo, dv, dxo + lo, n);
                case SOFTPLUS -> FloatActivations.softplus(sv, so + lo, dv, dxo + lo, n);
                case RELU_BACKWARD -> FloatActivations.reluBackward(sv, so + lo, gv, go + lo, dv, dxo + lo, n);
                case SIGMOID_BACKWARD -> FloatActivations.sigmoidBackward(sv, so + lo, gv, go + lo, dv, dxo + lo, n);
                case TANH_BACKWARD -> FloatActivations.tanhBackward(sv, so + lo, gv, go + lo, dv, dxo + lo, n);
                case SOFTPLUS_BACKWARD -> FloatActivations.softplusBackward(sv, so + lo, gv, go + lo, dv, dxo + lo, n);
            }
        } else {
            double[] sv = (double[]) s;
            double[] gv = (double[]) g;
            double[] dv = (double[]) d;
            switch (kind) {
                case RELU -> DoubleActivations.relu(sv, so + lo, dv, dxo + lo, n);
                case SOFTPLUS -> DoubleActivations.softplus(sv, so + lo, dv, dxo + lo, n);
                case RELU_BACKWARD -> DoubleActivations.reluBackward(sv, so + lo, gv, go + lo, dv, dxo + lo, n);
                case SIGMOID_BACKWARD -> DoubleActivations.sigmoidBackward(sv, so + lo, gv, go + lo, dv, dxo + lo, n);
                case TANH_BACKWARD -> DoubleActivations.tanhBackward(sv, so + lo, gv, go + lo, dv, dxo + lo, n);
                case SOFTPLUS_BACKWARD -> DoubleActivations.softplusBackward(sv, so + lo, gv, go + lo, dv, dxo + lo,
                        n);
            }
        }
    }
}
