package dev.dlfs.tensor.internal;

/**
 * The loop nest shared by {@link FloatGemm} and {@link DoubleGemm}: how C is cut into tiles, the summed dimension
 * into blocks, and the tiles into parts for threads. Subclasses pack operands, run micro-kernels and merge tiles.
 *
 * <p>C is covered by column strips, each handled by one micro-kernel kind (MR rows × NV vectors, see
 * {@link TilePlan}): strips of the plan's main kind, plus one narrower kind at the right edge; a C narrow enough
 * gets one strip of a kind that fits it. For each block of at most {@link #KC} summed steps, B is packed strip by
 * strip into zero-padded panels; then, chunk of rows by chunk, each strip's kernel sums tile after tile into a
 * small tile buffer, which is merged into C.
 *
 * <p>Determinism: each element of C is summed in the same order (summed blocks of a fixed size in order, steps in
 * order within a block, one fused multiply-add each, then one fused merge per block) whatever the tiles, vector
 * width, kernels or parts, so results depend neither on the thread count nor on the machine. Parts split rows or
 * strips of C, never the summed dimension.
 */
abstract class BlockedGemm implements WorkerPool.Job {
    static final int[] MR = TileKinds.MR;
    static final int[] NV = TileKinds.NV;

    /**
     * Summed steps per block: a packed B panel of KC steps stays in the L1/L2 caches. A constant, not fitted to the
     * machine: where blocks end decides how each sum is rounded.
     */
    static final int KC = 256;
    /** Rows of A per chunk: a packed chunk of MC×KC values stays in the L2 cache. */
    static final int MC = 192;
    /** Below this many flops per part another thread costs more than it saves. */
    static final long FLOPS_PER_PART = 1_500_000;
    /** A kernel faster than this (flops per nanosecond) is compiled; interpreted ones manage well under 1. */
    static final long COMPILED_GFLOPS = 5;
    /** Parts above this size are split further, up to four per thread. */
    static final long LARGE_PART_FLOPS = 16_000_000;

    /** Lanes per vector of the element type. */
    private final int lanes;

    // The current call.
    boolean transA;
    boolean transB;
    int m;
    int n;
    int k;
    int aOff;
    int lda;
    int bOff;
    int ldb;
    int cOff;
    int ldc;

    // The plan: strips of C, summed blocks, parts.
    int strips;
    int[] stripStart = new int[8];
    int[] stripWidth = new int[8];
    int[] stripKind = new int[8];
    /** Offset of each strip's panel in a packed B block, per summed step. */
    int[] stripPanel = new int[8];
    int kBlocks;
    int parts;
    boolean splitRows;
    /** Whether A is copied chunk by chunk into a contiguous buffer (pays off when many strips reuse it). */
    boolean packA;
    int rowUnit;

    BlockedGemm(int lanes) {
        this.lanes = lanes;
    }

    /** Sets the layout of the current call. */
    final void layout(boolean transA, boolean transB, int m, int n, int k, int aOff, int lda, int bOff, int ldb,
                      int cOff, int ldc) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.aOff = aOff;
        this.lda = lda;
        this.bOff = bOff;
        this.ldb = ldb;
        this.cOff = cOff;
        this.ldc = ldc;
    }

    /** Plans the call and runs it on up to {@code threads} threads. */
    final void execute(int threads) {
        planStrips();
        kBlocks = (k + KC - 1) / KC;
        planParts(threads);
        prepare(parts);
        WorkerPool.shared().run(this, parts, threads);
    }

    private void planStrips() {
        strips = 0;
        TilePlan plan = TilePlan.current();
        int l = lanes;
        if (n <= plan.maxVectors * l) {
            addStrip(0, n, plan.kindFor((n + l - 1) / l));
            return;
        }
        int main = NV[plan.mainKind] * l;
        int j = 0;
        for (; j + main <= n; j += main) {
            addStrip(j, main, plan.mainKind);
        }
        int rest = n - j;
        if (rest > 0) {
            addStrip(j, rest, plan.kindFor((rest + l - 1) / l));
        }
    }

    private void addStrip(int start, int width, int kind) {
        if (strips == stripStart.length) {
            int grown = strips * 2;
            stripStart = java.util.Arrays.copyOf(stripStart, grown);
            stripWidth = java.util.Arrays.copyOf(stripWidth, grown);
            stripKind = java.util.Arrays.copyOf(stripKind, grown);
            stripPanel = java.util.Arrays.copyOf(stripPanel, grown);
        }
        stripStart[strips] = start;
        stripWidth[strips] = width;
        stripKind[strips] = kind;
        stripPanel[strips] = strips == 0 ? 0 : stripPanel[strips - 1] + panelWidth(strips - 1);
        strips++;
    }

    /** Width of strip {@code s} once packed: whole vectors. */
    final int panelWidth(int s) {
        return NV[stripKind[s]] * lanes;
    }

    /** Width of all packed panels of strips {@code [s0, s1)}. */
    final int blockWidth(int s0, int s1) {
        return s1 == s0 ? 0 : stripPanel[s1 - 1] + panelWidth(s1 - 1) - stripPanel[s0];
    }

    /** Size of the largest packed B block a part needs. */
    final int blockSize() {
        return Math.min(k, KC) * blockWidth(0, strips);
    }

    private void planParts(int threads) {
        rowUnit = MR[stripKind[0]];
        if (strips > 1) {
            rowUnit = lcm(rowUnit, MR[stripKind[strips - 1]]);
        }
        long flops = 2L * m * n * k;
        int rowUnits = (m + rowUnit - 1) / rowUnit;
        int byWork = (int) Math.min(threads, Math.max(1, flops / FLOPS_PER_PART));
        if (byWork > 1) {
            // Large products get a few parts per thread: a thread that is held up (busy machine) then delays the
            // others by a small part only, as the rest is claimed by whoever is free.
            byWork *= (int) Math.max(1, Math.min(4, flops / (byWork * LARGE_PART_FLOPS)));
        }
        if (strips >= 2 * byWork) {
            splitRows = false;
            parts = byWork;
        } else {
            splitRows = true;
            parts = Math.min(byWork, rowUnits);
        }
        // A chunk is read once per strip: copying it to a contiguous buffer pays when several strips reuse it.
        int stripsPerPart = splitRows ? strips : (strips + parts - 1) / parts;
        packA = stripsPerPart >= 2 && (long) m * k >= 64 * 64;
    }

    private static int lcm(int x, int y) {
        int a = x;
        int b = y;
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return x / a * y;
    }

    @Override
    public final void runPart(int part) {
        int r0 = 0;
        int r1 = m;
        int s0 = 0;
        int s1 = strips;
        if (splitRows) {
            int units = (m + rowUnit - 1) / rowUnit;
            r0 = Math.min(m, (int) ((long) units * part / parts) * rowUnit);
            r1 = Math.min(m, (int) ((long) units * (part + 1) / parts) * rowUnit);
        } else {
            s0 = (int) ((long) strips * part / parts);
            s1 = (int) ((long) strips * (part + 1) / parts);
        }
        if (r0 >= r1 || s0 >= s1) {
            return;
        }
        int base = k / kBlocks;
        int extra = k % kBlocks;
        for (int kb = 0, p0 = 0; kb < kBlocks; kb++) {
            int kc = base + (kb < extra ? 1 : 0);
            int panel0 = stripPanel[s0];
            for (int s = s0; s < s1; s++) {
                packB(part, stripStart[s], stripWidth[s], panelWidth(s), kc * (stripPanel[s] - panel0), p0, kc);
            }
            for (int c0 = r0; c0 < r1; c0 += MC) {
                int c1 = Math.min(r1, c0 + MC);
                if (packA) {
                    packA(part, c0, c1 - c0, p0, kc);
                }
                for (int s = s0; s < s1; s++) {
                    strip(part, stripKind[s], c0, c1 - c0, stripStart[s], stripWidth[s],
                            kc * (stripPanel[s] - panel0), p0, kc, kb);
                }
            }
            p0 += kc;
        }
    }

    /** Makes per-part buffers ready for {@code parts} parts of the planned call. */
    abstract void prepare(int parts);

    /**
     * Packs rows {@code [p0, p0+kc)} × columns {@code [j0, j0+width)} of op(B) into the part's B block as a panel
     * at {@code panel}: step p holds {@code panelWidth} values at {@code panel + p·panelWidth}, zero past
     * {@code width}. The block holds the panels of all the part's strips, {@link #blockSize} bounds its size.
     */
    abstract void packB(int part, int j0, int width, int panelWidth, int panel, int p0, int kc);

    /** Copies rows {@code [i0, i0+rows)} × steps {@code [p0, p0+kc)} of op(A) into the part's A buffer. */
    abstract void packA(int part, int i0, int rows, int p0, int kc);

    /**
     * Runs the micro-kernel {@code kind} down rows {@code [i0, i0+rows)} of op(A) (a chunk, packed if
     * {@link #packA}) against the packed panel at {@code panel}, and merges the result into columns
     * {@code [j0, j0+cols)} of C: with beta for summed block 0, else adding.
     */
    final void strip(int part, int kind, int i0, int rows, int j0, int cols, int panel, int p0, int kc,
                     int block) {
        int aStart;
        int ars;
        int acs;
        if (packA) {
            aStart = 0;
            ars = transA ? 1 : kc;
            acs = transA ? MC : 1;
        } else {
            aStart = transA ? aOff + p0 * lda + i0 : aOff + i0 * lda + p0;
            ars = transA ? 1 : lda;
            acs = transA ? lda : 1;
        }
        int cStart = cOff + i0 * ldc + j0;
        int nr = NV[kind] * lanes;
        int mr = MR[kind];
        boolean plain = plainLoops();
        boolean[] compiled = compiledKinds();
        for (int i = 0; i < rows; i += mr) {
            int tileRows = Math.min(mr, rows - i);
            int a = aStart + i * ars;
            if (plain) {
                plainTile(part, kc, a, ars, acs, tileRows, panel, nr);
            } else if (compiled[kind]) {
                tile(part, kind, kc, a, ars, acs, tileRows, panel);
            } else {
                // Until C2 has compiled a kernel it runs in the interpreter or in C1, where every vector operation
                // allocates: hundreds of times slower. Time one tile; while the kernel is that slow, the rest of
                // the strip takes the plain loops, which C1 compiles at once. Both do the same operations in the
                // same order, so the bits do not change.
                long t0 = System.nanoTime();
                tile(part, kind, kc, a, ars, acs, tileRows, panel);
                if ((System.nanoTime() - t0) * COMPILED_GFLOPS < 2L * mr * nr * kc) {
                    compiled[kind] = true; // a benign race: at worst another thread times a kernel once more
                } else {
                    plain = true;
                }
            }
            merge(part, nr, tileRows, cStart + i * ldc, cols, block);
        }
    }

    /** Per kernel kind of the element type: seen running at compiled speed. */
    abstract boolean[] compiledKinds();

    /** Whether the plain loops are forced (tests). */
    abstract boolean plainLoops();

    /** Runs micro-kernel {@code kind} on one tile of {@code rows ≤ MR} rows into the part's tile buffer. */
    abstract void tile(int part, int kind, int kc, int aStart, int ars, int acs, int rows, int panel);

    /** The kernels' arithmetic in plain loops, into the part's tile buffer: per element, FMAs in step order. */
    abstract void plainTile(int part, int kc, int aStart, int ars, int acs, int rows, int panel, int nr);

    /**
     * Merges the first {@code cols} columns of {@code rows} rows of the part's tile buffer (rows {@code nr} apart)
     * into C at {@code cStart}: {@code C = alpha·tile + beta·C} for summed block 0, else {@code C = alpha·tile + C};
     * one fused multiply-add per element, C unread when beta is 0.
     */
    abstract void merge(int part, int nr, int rows, int cStart, int cols, int block);
}
