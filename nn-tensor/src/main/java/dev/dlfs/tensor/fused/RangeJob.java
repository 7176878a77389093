package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.internal.WorkerPool;

/**
 * A kernel over a run of independent units (elements, planes) on the {@link WorkerPool}: the run is cut into
 * contiguous ranges, one per part, at multiples of a block size. Each unit is computed the same way whatever range
 * holds it, so the cut, and with it the thread count, changes no bit of the result. Subclasses hold the operands
 * and are reused call after call, so a warm training loop allocates nothing here.
 */
abstract class RangeJob implements WorkerPool.Job {
    private int count;
    private int blocks;
    private int block;
    private int parts;

    /**
     * Runs units {@code [0, count)}: in one range when the run is short, else cut into up to
     * {@link Parallelism#threads()} ranges of at least {@code minUnits} units, each a whole number of {@code block}
     * units (but the last).
     */
    final void run(int count, int block, int minUnits) {
        this.count = count;
        this.block = block;
        this.blocks = (count + block - 1) / block;
        parts = (int) Math.max(1, Math.min(Math.min(Parallelism.threads(), blocks), count / Math.max(1, minUnits)));
        prepare(parts);
        if (parts == 1) {
            range(0, 0, count);
        } else {
            WorkerPool.shared().run(this, parts, parts);
        }
    }

    @Override
    public final void runPart(int part) {
        int lo = Math.min(count, (int) ((long) blocks * part / parts) * block);
        int hi = Math.min(count, (int) ((long) blocks * (part + 1) / parts) * block);
        if (lo < hi) {
            range(part, lo, hi);
        }
    }

    /** Makes per-part scratch space ready for parts {@code 0 … parts−1}, before any of them runs. */
    void prepare(int parts) {
    }

    /** Computes units {@code [lo, hi)} as part {@code part} (for per-part scratch space). */
    abstract void range(int part, int lo, int hi);
}
