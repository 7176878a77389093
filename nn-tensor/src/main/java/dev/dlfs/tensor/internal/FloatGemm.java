package dev.dlfs.tensor.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 gemm: {@code C = alpha·op(A)·op(B) + beta·C}, row-major, arguments already checked by the caller. Packs B
 * into panels, reads A in place, runs {@link FloatKernels} tile by tile on the {@link WorkerPool}.
 */
public final class FloatGemm extends BlockedGemm {
    private static final VectorSpecies<Float> S = FloatKernels.S;
    private static final int L = FloatKernels.L;
    /** One reusable job per calling thread: no allocation per call once warm. */
    private static final ThreadLocal<FloatGemm> JOBS = ThreadLocal.withInitial(FloatGemm::new);

    private float[] a;
    private float[] b;
    private float[] c;
    private float alpha;
    private float beta;
    private boolean inUse;
    /** Per kernel kind: seen running at compiled speed (a benign race: at worst a kernel is timed twice). */
    private static final boolean[] compiled = new boolean[MR.length];
    private static volatile boolean plainLoops;
    /** Offsets of L consecutive rows of B, for gathering a column of a transposed B; valid for one row stride. */
    private final int[] gatherIndex = new int[L];
    private int gatherRowStride = -1;
    /** Per part: packed B block, packed A chunk, scratch tile of C. */
    private float[][] bBlocks = new float[0][];
    private float[][] tiles = new float[0][];
    private float[][] aChunks = new float[0][];

    private FloatGemm() {
        super(L);
    }

    /** C = alpha·op(A)·op(B) + beta·C on up to {@code threads} threads; see {@code dev.dlfs.tensor.Gemm}. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        FloatGemm job = JOBS.get();
        if (job.inUse) {
            job = new FloatGemm(); // re-entered from inside a part: never share buffers
        }
        job.inUse = true;
        try {
            job.layout(transA, transB, m, n, k, aOff, lda, bOff, ldb, cOff, ldc);
            job.a = a;
            job.b = b;
            job.c = c;
            job.alpha = alpha;
            job.beta = beta;
            job.execute(threads);
        } finally {
            job.a = null;
            job.b = null;
            job.c = null;
            job.inUse = false;
        }
    }

    /**
     * Makes every later call use the plain loops instead of the vector kernels (for tests: both must give the same
     * bits); {@code false} restores the kernels.
     */
    public static void usePlainLoops(boolean on) {
        plainLoops = on;
    }

    /** C = beta·C (zeros when beta is 0, whatever C held). */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
                continue;
            }
            int j = 0;
            for (; j <= n - L; j += L) {
                FloatVector.fromArray(S, c, row + j).mul(beta).intoArray(c, row + j);
            }
            for (; j < n; j++) {
                c[row + j] *= beta;
            }
        }
    }

    @Override
    void prepare(int parts) {
        if (bBlocks.length < parts) {
            bBlocks = java.util.Arrays.copyOf(bBlocks, parts);
            aChunks = java.util.Arrays.copyOf(aChunks, parts);
            tiles = java.util.Arrays.copyOf(tiles, parts);
        }
        int need = blockSize();
        for (int p = 0; p < parts; p++) {
            if (bBlocks[p] == null || bBlocks[p].length < need) {
                bBlocks[p] = new float[need];
            }
            if (tiles[p] == null) {
                tiles[p] = new float[24 * L];
            }
            if (packA && (aChunks[p] == null || aChunks[p].length < MC * Math.min(k, KC))) {
                aChunks[p] = new float[MC * Math.min(k, KC)];
            }
        }
    }

    @Override
    void packB(int part, int j0, int width, int panelWidth, int panel, int p0, int kc) {
        float[] dst = bBlocks[part];
        if (!transB) {
            // Rows of B are contiguous: copy whole vectors; the last one masked, which also zero-fills the padding.
            int full = width - width % L;
            VectorMask<Float> tail = S.indexInRange(full, width);
            // Steps whose masked tail vector would reach past the end of B take the scalar tail instead: the
            // split keeps both paths in use on every call, so C2 never meets a branch it has not seen.
            int masked = full == width ? kc
                    : Math.max(0, Math.min(kc, Math.floorDiv(b.length - L - bOff - j0 - full, ldb) - p0 + 1));
            for (int p = 0; p < kc; p++) {
                int src = bOff + (p0 + p) * ldb + j0;
                int to = panel + p * panelWidth;
                for (int v = 0; v < full; v += L) {
                    FloatVector.fromArray(S, b, src + v).intoArray(dst, to + v);
                }
                if (full < panelWidth) {
                    if (p < masked) {
                        FloatVector.fromArray(S, b, src + full, tail).intoArray(dst, to + full);
                    } else {
                        FloatVector.zero(S).intoArray(dst, to + full);
                        for (int v = full; v < width; v++) {
                            dst[to + v] = b[src + v];
                        }
                    }
                    for (int v = full + L; v < panelWidth; v += L) {
                        FloatVector.zero(S).intoArray(dst, to + v);
                    }
                }
            }
        } else {
            // B is stored N×K: column j of op(B) is row j of B. Take L rows at a time: L×L blocks transposed in
            // registers, then the steps left over one gathered column at a time.
            if (gatherRowStride != ldb) {
                for (int l = 0; l < L; l++) {
                    gatherIndex[l] = l * ldb;
                }
                gatherRowStride = ldb;
            }
            int fullRows = width - width % L;
            int blockSteps = BlockTranspose.FLOATS ? kc - kc % L : 0;
            for (int v = 0; v < fullRows; v += L) {
                int src = bOff + (j0 + v) * ldb + p0;
                for (int p = 0; p < blockSteps; p += L) {
                    BlockTranspose.floats(b, src + p, ldb, dst, panel + p * panelWidth + v, panelWidth);
                }
                for (int p = blockSteps; p < kc; p++) {
                    FloatVector.fromArray(S, b, src + p, gatherIndex, 0).intoArray(dst, panel + p * panelWidth + v);
                }
            }
            for (int jj = fullRows; jj < panelWidth; jj++) {
                int to = panel + jj;
                int src = bOff + (j0 + jj) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    dst[to + p * panelWidth] = jj < width ? b[src + p] : 0f;
                }
            }
        }
    }

    @Override
    void packA(int part, int i0, int rows, int p0, int kc) {
        float[] dst = aChunks[part];
        if (!transA) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(a, aOff + (i0 + r) * lda + p0, dst, r * kc, kc);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(a, aOff + (p0 + p) * lda + i0, dst, p * MC, rows);
            }
        }
    }

    @Override
    boolean[] compiledKinds() {
        return compiled;
    }

    @Override
    int cLength() {
        return c.length;
    }

    @Override
    boolean plainLoops() {
        return plainLoops;
    }

    @Override
    void kernel(int part, int kind, int kc, int aStart, int ars, int acs, int rows, int panel, int cStart, int cols,
                boolean first) {
        run(part, kind, kc, aStart, ars, acs, rows, panel, c, cStart, ldc, cols, first);
    }

    @Override
    void scratchTile(int part, int kind, int kc, int aStart, int ars, int acs, int rows, int panel, int cStart,
                     int cols, boolean first) {
        float[] t = tiles[part];
        int nr = NV[kind] * L;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, cStart + r * ldc, t, r * nr, cols);
        }
        run(part, kind, kc, aStart, ars, acs, rows, panel, t, 0, nr, cols, first);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(t, r * nr, c, cStart + r * ldc, cols);
        }
    }

    private void run(int part, int kind, int kc, int aStart, int ars, int acs, int rows, int panel, float[] to,
                     int toStart, int toLd, int cols, boolean first) {
        float[] as = packA ? aChunks[part] : a;
        float[] bp = bBlocks[part];
        float b = first ? beta : 1f;
        switch (kind) {
            case K8X3 -> FloatKernels.k8x3(kc, as, aStart, ars, acs, rows, bp, panel, to, toStart, toLd, cols, alpha,
                    b);
            case K6X4 -> FloatKernels.k6x4(kc, as, aStart, ars, acs, rows, bp, panel, to, toStart, toLd, cols, alpha,
                    b);
            case K12X2 -> FloatKernels.k12x2(kc, as, aStart, ars, acs, rows, bp, panel, to, toStart, toLd, cols,
                    alpha, b);
            default -> FloatKernels.k16x1(kc, as, aStart, ars, acs, rows, bp, panel, to, toStart, toLd, cols, alpha,
                    b);
        }
    }

    @Override
    void plainStrip(int part, int kc, int aStart, int ars, int acs, int rows, int panel, int nr, int cStart,
                    int cols, boolean first) {
        float[] as = packA ? aChunks[part] : a;
        float[] bp = bBlocks[part];
        float b = first ? beta : 1f;
        float[] acc = new float[cols]; // only while the kernels are cold
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(acc, 0f);
            int ar = aStart + r * ars;
            for (int p = 0; p < kc; p++) {
                float x = as[ar + p * acs];
                int bi = panel + p * nr;
                for (int j = 0; j < cols; j++) {
                    acc[j] = Math.fma(x, bp[bi + j], acc[j]);
                }
            }
            int row = cStart + r * ldc;
            for (int j = 0; j < cols; j++) {
                c[row + j] = Math.fma(acc[j], alpha, b != 0f ? c[row + j] * b : 0f);
            }
        }
    }
}
