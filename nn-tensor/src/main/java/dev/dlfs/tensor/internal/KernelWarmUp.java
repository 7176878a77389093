package dev.dlfs.tensor.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the gemm kernels of one element type compiled by C2 before the first large product needs them.
 *
 * <p>HotSpot compiles a method with C2 only after some hundreds of calls, and until then a Vector API kernel runs
 * interpreted or in C1, where every vector operation allocates. A program's first products would then run on the
 * plain-loop path (right, but several times slower) for seconds: a whole first evaluation of MNIST, say. So the
 * first use of an element type starts one short-lived daemon thread that runs small products, one shape per tile
 * kind of the {@link TilePlan} and every transpose case, until each kernel is seen at compiled speed (or a few
 * seconds have passed). It works on its own small arrays only: it cannot change any result.
 */
public final class KernelWarmUp {
    /** Summed steps of a warm-up product: long enough that a call is mostly kernel. */
    private static final int K = 48;
    /** The warm-up gives up after this long (a machine too busy to compile is no reason to keep a core busy). */
    private static final long BUDGET_NANOS = 8_000_000_000L;
    /** Rounds of calls (one per kind) at most; C2 takes a kernel after about a thousand calls. */
    private static final int MAX_CALLS = 20_000;
    /** Calls of a product that packs A chunks, after the kernels are compiled. */
    private static final int PACKED_CALLS = 50;
    /** Among the kernel calls, one packed product every this many. */
    private static final int PACKED_EVERY = 8;

    private static final AtomicBoolean FLOATS = new AtomicBoolean();
    private static final AtomicBoolean DOUBLES = new AtomicBoolean();

    private KernelWarmUp() {
    }

    /** Starts warming the kernels of {@code FloatKernels} or {@code DoubleKernels}, once per JVM; returns at once. */
    static void start(Class<?> kernels) {
        start(kernels == FloatKernels.class);
    }

    /** Starts warming the float32 ({@code true}) or float64 kernels, once per JVM; returns at once. */
    public static void start(boolean float32) {
        if (!(float32 ? FLOATS : DOUBLES).compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> run(float32), "dlfs-kernel-warm-up-" + (float32 ? "float32" : "float64"));
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run(boolean float32) {
        TilePlan plan = TilePlan.current();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int lanes = float32 ? FloatKernels.L : DoubleKernels.L;
        boolean[] compiled = float32 ? FloatGemm.compiledKinds : DoubleGemm.compiledKinds;
        PackedProduct packed = new PackedProduct(plan, float32, lanes);
        int kinds = plan.maxVectors;
        int[] kind = new int[kinds];
        int[] m = new int[kinds];
        int[] n = new int[kinds];
        for (int v = kinds; v >= 1; v--) {
            kind[kinds - v] = plan.kindFor(v);
            m[kinds - v] = TileKinds.MR[plan.kindFor(v)];
            // One column short of whole vectors, so the merge's ragged edge is exercised too.
            n[kinds - v] = Math.max(1, v * lanes - 1);
        }
        int size = 0;
        for (int i = 0; i < kinds; i++) {
            size = Math.max(size, m[i] * K + K * n[i]);
        }
        float[] fa = float32 ? new float[size] : null;
        double[] da = float32 ? null : new double[size];
        float[] fc = float32 ? new float[size] : null;
        double[] dc = float32 ? null : new double[size];
        // The kinds take turns, call by call: C2 then compiles the kernel dispatch having seen every kind, instead
        // of the first kinds only, which sent it back to the interpreter when a later kind first ran.
        boolean pending = true;
        for (int call = 0; pending && call < MAX_CALLS && System.nanoTime() < deadline; call++) {
            pending = false;
            boolean ta = (call & 1) != 0;
            boolean tb = (call & 2) != 0;
            float beta = (call & 4) != 0 ? 0.5f : 0f;
            for (int i = 0; i < kinds; i++) {
                if (compiled[kind[i]]) {
                    continue;
                }
                pending = true;
                int lda = ta ? m[i] : K;
                int ldb = tb ? K : n[i];
                if (float32) {
                    FloatGemm.gemm(ta, tb, m[i], n[i], K, 1f, fa, 0, lda, fa, m[i] * K, ldb, beta, fc, 0, n[i], 1);
                } else {
                    DoubleGemm.gemm(ta, tb, m[i], n[i], K, 1.0, da, 0, lda, da, m[i] * K, ldb, beta, dc, 0, n[i], 1);
                }
            }
            if (call % PACKED_EVERY == 0) {
                packed.run(call / PACKED_EVERY);
            }
        }
        for (int call = 0; call < PACKED_CALLS && System.nanoTime() < deadline; call++) {
            packed.run(call);
        }
    }

    /**
     * A product large enough that A is packed chunk by chunk, run in every transpose case among the kernel warm-up
     * calls. Without it C2 compiles the loop nest having never seen a packed A (the profile says the branch is never
     * taken), and the first real product that packs one (a DeepConvNet's third convolution, say) throws the compiled
     * nest away, kernels inlined in it included: a first pass over the test set then ran its kernels interpreted for
     * seconds (4.4–4.9 s against 2.0 s warm, Zen 5). Every other call takes B from a panel source, as a convolution
     * does, for the same reason.
     */
    private static final class PackedProduct {
        private final boolean float32;
        private final int m;
        private final int n;
        private final float[] fa;
        private final double[] da;
        private final float[] fc;
        private final double[] dc;
        /** B (K × n, stored after A in fa or da) given panel by panel, as a convolution's column matrix is. */
        private final FloatPanelSource floatPanels;
        private final DoublePanelSource doublePanels;

        PackedProduct(TilePlan plan, boolean float32, int lanes) {
            this.float32 = float32;
            m = 16 * TileKinds.MR[plan.mainKind];
            n = 2 * TileKinds.NV[plan.mainKind] * lanes;
            fa = float32 ? new float[m * K + K * n] : null;
            da = float32 ? null : new double[m * K + K * n];
            fc = float32 ? new float[m * n] : null;
            dc = float32 ? null : new double[m * n];
            int b0 = m * K;
            floatPanels = (dst, at, panelWidth, j0, width, p0, kc) -> {
                for (int p = 0; p < kc; p++) {
                    for (int v = 0; v < panelWidth; v++) {
                        dst[at + p * panelWidth + v] = v < width ? fa[b0 + (p0 + p) * n + j0 + v] : 0f;
                    }
                }
            };
            doublePanels = (dst, at, panelWidth, j0, width, p0, kc) -> {
                for (int p = 0; p < kc; p++) {
                    for (int v = 0; v < panelWidth; v++) {
                        dst[at + p * panelWidth + v] = v < width ? da[b0 + (p0 + p) * n + j0 + v] : 0;
                    }
                }
            };
        }

        void run(int call) {
            boolean ta = (call & 1) != 0;
            boolean tb = (call & 2) != 0;
            if ((call & 4) != 0) {
                if (float32) {
                    FloatGemm.gemm(m, n, K, fa, 0, K, floatPanels, 0f, fc, 0, n, 1);
                } else {
                    DoubleGemm.gemm(m, n, K, da, 0, K, doublePanels, 0.0, dc, 0, n, 1);
                }
            } else if (float32) {
                FloatGemm.gemm(ta, tb, m, n, K, 1f, fa, 0, ta ? m : K, fa, m * K, tb ? K : n, 0f, fc, 0, n, 1);
            } else {
                DoubleGemm.gemm(ta, tb, m, n, K, 1.0, da, 0, ta ? m : K, da, m * K, tb ? K : n, 0.0, dc, 0, n, 1);
            }
        }
    }
}
