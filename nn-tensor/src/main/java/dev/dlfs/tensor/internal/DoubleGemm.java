// Generated from FloatGemm.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 gemm: {@code C = alpha·op(A)·op(B) + beta·C}, row-major, arguments already checked by the caller. Packs B
 * into panels, reads A in place (or packs it), runs {@link DoubleKernels} tile by tile on the {@link WorkerPool}.
 */
public final class DoubleGemm extends BlockedGemm {
    private static final VectorSpecies<Double> S = DoubleKernels.S;
    private static final int L = DoubleKernels.L;
    /** The widest panel a packed B block holds, in values: the widest tile's vectors. */
    public static final int MAX_PANEL_WIDTH = widestTile() * L;
    /** One reusable job per calling thread: no allocation per call once warm. */
    private static final ThreadLocal<DoubleGemm> JOBS = ThreadLocal.withInitial(DoubleGemm::new);

    private double[] a;
    private double[] b;
    /** Writes B's panels instead of packing them from {@link #b}; null for a stored B. */
    private DoublePanelSource source;
    private double[] c;
    private double alpha;
    private double beta;
    /** The factor of C's old values per summed block: beta for block 0, 1 after it. */
    private final double[] blockBeta = {0.0, 1.0};
    private boolean inUse;
    /** Per kernel kind: seen running at compiled speed (a benign race: at worst a kernel is timed twice). */
    static final boolean[] compiledKinds = new boolean[MR.length];
    private static volatile boolean plainLoops;
    /** Offsets of L consecutive rows of B, for gathering a column of a transposed B; valid for one row stride. */
    private final int[] gatherIndex = new int[L];
    private int gatherRowStride = -1;
    /** Per part: packed B block, packed A chunk, scratch tile of C. */
    private double[][] bBlocks = new double[0][];
    private double[][] tiles = new double[0][];
    private double[][] aChunks = new double[0][];

    static {
        KernelWarmUp.start(DoubleKernels.class);
    }

    private DoubleGemm() {
        super(L);
    }

    /** C = alpha·op(A)·op(B) + beta·C on up to {@code threads} threads; see {@code dev.dlfs.tensor.Gemm}. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                            double beta, double[] c, int cOff, int ldc, int threads) {
        run(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, null, beta, c, cOff, ldc, threads);
    }

    /**
     * C = A·B + beta·C with B (k × n) written by {@code b} as the product needs it. The same packed values as a
     * stored B would give, so the same bits.
     */
    public static void gemm(int m, int n, int k, double[] a, int aOff, int lda, DoublePanelSource b, double beta,
                            double[] c, int cOff, int ldc, int threads) {
        run(false, false, m, n, k, 1.0, a, aOff, lda, null, 0, n, b, beta, c, cOff, ldc, threads);
    }

    private static void run(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb, DoublePanelSource source,
                            double beta, double[] c, int cOff, int ldc, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        DoubleGemm job = JOBS.get();
        if (job.inUse) {
            job = new DoubleGemm(); // re-entered from inside a part: never share buffers
        }
        job.inUse = true;
        try {
            job.layout(transA, transB, m, n, k, aOff, lda, bOff, ldb, cOff, ldc);
            job.a = a;
            job.b = b;
            job.source = source;
            job.c = c;
            job.alpha = alpha;
            job.beta = beta;
            job.blockBeta[0] = beta;
            job.execute(threads);
        } finally {
            job.a = null;
            job.b = null;
            job.source = null;
            job.c = null;
            job.inUse = false;
        }
    }

    private static int widestTile() {
        int most = 0;
        for (int nv : NV) {
            most = Math.max(most, nv);
        }
        return most;
    }

    /**
     * Makes every later call use the plain loops instead of the vector kernels (for tests: both must give the same
     * bits); {@code false} restores the kernels.
     */
    public static void usePlainLoops(boolean on) {
        plainLoops = on;
    }

    /** C = beta·C (zeros when beta is 0, whatever C held). */
    private static void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0.0) {
                java.util.Arrays.fill(c, row, row + n, 0.0);
                continue;
            }
            int j = 0;
            for (; j <= n - L; j += L) {
                DoubleVector.fromArray(S, c, row + j).mul(beta).intoArray(c, row + j);
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
        // Filled here, before the parts start (the pool's hand-over publishes it), never by a part: parts on other
        // threads could otherwise see the new stride before the new offsets.
        if (transB && gatherRowStride != ldb) {
            for (int l = 0; l < L; l++) {
                gatherIndex[l] = l * ldb;
            }
            gatherRowStride = ldb;
        }
        int need = blockSize();
        for (int p = 0; p < parts; p++) {
            if (bBlocks[p] == null || bBlocks[p].length < need) {
                bBlocks[p] = new double[need];
            }
            if (tiles[p] == null) {
                tiles[p] = new double[TileKinds.MAX_TILE_VECTORS * L];
            }
            if (packA && (aChunks[p] == null || aChunks[p].length < MC * Math.min(k, KC))) {
                aChunks[p] = new double[MC * Math.min(k, KC)];
            }
        }
    }

    @Override
    void packB(int part, int j0, int width, int panelWidth, int panel, int p0, int kc) {
        double[] dst = bBlocks[part];
        if (source != null) {
            source.pack(dst, panel, panelWidth, j0, width, p0, kc);
        } else if (!transB) {
            // Rows of B are contiguous: copy whole vectors; the last one masked, which also zero-fills the padding.
            int full = width - width % L;
            VectorMask<Double> tail = S.indexInRange(full, width);
            // Steps whose masked tail vector would reach past the end of B take the scalar tail instead: the
            // split keeps both paths in use on every call, so C2 never meets a branch it has not seen.
            int masked = full == width ? kc
                    : Math.max(0, Math.min(kc, Math.floorDiv(b.length - L - bOff - j0 - full, ldb) - p0 + 1));
            for (int p = 0; p < kc; p++) {
                int src = bOff + (p0 + p) * ldb + j0;
                int to = panel + p * panelWidth;
                for (int v = 0; v < full; v += L) {
                    DoubleVector.fromArray(S, b, src + v).intoArray(dst, to + v);
                }
                if (full < panelWidth) {
                    if (p < masked) {
                        DoubleVector.fromArray(S, b, src + full, tail).intoArray(dst, to + full);
                    } else {
                        DoubleVector.zero(S).intoArray(dst, to + full);
                        for (int v = full; v < width; v++) {
                            dst[to + v] = b[src + v];
                        }
                    }
                    for (int v = full + L; v < panelWidth; v += L) {
                        DoubleVector.zero(S).intoArray(dst, to + v);
                    }
                }
            }
        } else {
            // B is stored N×K: column j of op(B) is row j of B. Take L rows at a time: L×L blocks transposed in
            // registers, then the steps left over one gathered column at a time.
            int fullRows = width - width % L;
            int blockSteps = BlockTranspose.DOUBLES ? kc - kc % L : 0;
            for (int v = 0; v < fullRows; v += L) {
                int src = bOff + (j0 + v) * ldb + p0;
                for (int p = 0; p < blockSteps; p += L) {
                    BlockTranspose.doubles(b, src + p, ldb, dst, panel + p * panelWidth + v, panelWidth);
                }
                for (int p = blockSteps; p < kc; p++) {
                    DoubleVector.fromArray(S, b, src + p, gatherIndex, 0).intoArray(dst, panel + p * panelWidth + v);
                }
            }
            for (int jj = fullRows; jj < panelWidth; jj++) {
                int to = panel + jj;
                int src = bOff + (j0 + jj) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    dst[to + p * panelWidth] = jj < width ? b[src + p] : 0.0;
                }
            }
        }
    }

    @Override
    void packA(int part, int i0, int rows, int p0, int kc) {
        double[] dst = aChunks[part];
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
        return compiledKinds;
    }

    @Override
    boolean plainLoops() {
        return plainLoops;
    }

    @Override
    void tile(int part, int kind, int kc, int aStart, int ars, int acs, int rows, int panel) {
        DoubleKernels.tile(kind, kc, packA ? aChunks[part] : a, aStart, ars, acs, rows, bBlocks[part], panel,
                tiles[part]);
    }

    @Override
    void plainTile(int part, int kc, int aStart, int ars, int acs, int rows, int panel, int nr) {
        double[] as = packA ? aChunks[part] : a;
        double[] bp = bBlocks[part];
        double[] t = tiles[part];
        for (int r = 0; r < rows; r++) {
            int tr = r * nr;
            java.util.Arrays.fill(t, tr, tr + nr, 0.0);
            int ar = aStart + r * ars;
            for (int p = 0; p < kc; p++) {
                double x = as[ar + p * acs];
                int bi = panel + p * nr;
                for (int j = 0; j < nr; j++) {
                    t[tr + j] = Math.fma(x, bp[bi + j], t[tr + j]);
                }
            }
        }
    }

    @Override
    void merge(int part, int nr, int rows, int cStart, int cols, int block) {
        double[] t = tiles[part];
        // Looked up, not branched on: a warm-up's one-block products would leave C2 a merge that traps (back to the
        // interpreter, mid-pass) on the first product that sums more than one block.
        double b = blockBeta[Math.min(block, 1)];
        DoubleVector al = DoubleVector.broadcast(S, alpha);
        DoubleVector zero = DoubleVector.zero(S);
        int full = cols - cols % L;
        VectorMask<Double> tail = S.indexInRange(full, cols);
        // Rows whose masked last vector stays inside C's array take it; the Vector API would take a slow path past
        // the end, so the last rows of C do their ragged edge in scalars (the same fused operation per element).
        int masked = full == cols ? 0
                : Math.max(0, Math.min(rows, Math.floorDiv(c.length - L - cStart - full, ldc) + 1));
        for (int r = 0; r < rows; r++) {
            int o = cStart + r * ldc;
            int tr = r * nr;
            for (int j = 0; j < full; j += L) {
                DoubleVector old = b == 0.0 ? zero : DoubleVector.fromArray(S, c, o + j).mul(b);
                DoubleVector.fromArray(S, t, tr + j).fma(al, old).intoArray(c, o + j);
            }
            if (r < masked) {
                DoubleVector old = b == 0.0 ? zero : DoubleVector.fromArray(S, c, o + full, tail).mul(b);
                DoubleVector.fromArray(S, t, tr + full).fma(al, old).intoArray(c, o + full, tail);
            } else {
                for (int j = full; j < cols; j++) {
                    c[o + j] = Math.fma(t[tr + j], alpha, b == 0.0 ? 0.0 : c[o + j] * b);
                }
            }
        }
    }
}
