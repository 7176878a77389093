package dev.dlfs.tensor.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a float64 range in an order fixed by the data alone, so that CPUs with 2, 4 or 8 double lanes (and the
 * interpreter) give the same bits. Vectorised and allocation-free.
 *
 * <p>The order: the range is cut into blocks of {@link #LANES} elements. Element {@code j} of whole block
 * {@code b} is added, in float64 and block order, to partial sum {@code p[b mod 4][j]}; the 32 partials start at 0.
 * They combine in float64, first per {@code j} as {@code q[j] = (p[0][j] + p[1][j]) + (p[2][j] + p[3][j])}, then
 * the eight {@code q[j]} as a halving tree: {@code q[j] + q[j+4]} for {@code j < 4}, of those {@code j} with
 * {@code j+2}, then {@code j+1}. The elements after the last whole block are added to that result, in index
 * order. A machine with fewer lanes holds a block in two or four vectors; never {@code reduceLanes(ADD)}, whose
 * order is unspecified.
 */
public final class DoubleSum {
    /** Elements per block: the lanes of a 512-bit vector, which 128-bit and 256-bit vectors divide. */
    public static final int LANES = 8;
    /** Blocks in turn feed separate partial sums, so that consecutive vector adds do not wait on each other. */
    private static final int GROUPS = 4;

    private static final VectorSpecies<Double> S = species();
    private static final int L = S.length();
    /** Vectors per block: 1, 2 or 4. */
    private static final int PARTS = LANES / L;

    private DoubleSum() {
    }

    /** {@code Σ a[from + i]} for {@code i < n}, in the order of the class description. */
    public static double of(double[] a, int from, int n) {
        int blocks = n / LANES;
        double s = blocks == 0 ? 0 : switch (PARTS) {
            case 1 -> oneVectorPerBlock(a, from, blocks);
            case 2 -> twoVectorsPerBlock(a, from, blocks);
            default -> fourVectorsPerBlock(a, from, blocks);
        };
        for (int i = blocks * LANES; i < n; i++) {
            s += a[from + i];
        }
        return s;
    }

    /** The preferred species if its lanes divide a block into 1, 2 or 4 vectors, else 128-bit vectors. */
    private static VectorSpecies<Double> species() {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        return lanes == 2 || lanes == 4 || lanes == 8 ? DoubleVector.SPECIES_PREFERRED : DoubleVector.SPECIES_128;
    }

    /** A block is one vector: p{g} is group g. */
    private static double oneVectorPerBlock(double[] a, int from, int blocks) {
        DoubleVector q;
        if (blocks < GROUPS) {
            // The groups past the last block hold zeros, which change no sum: ((0 + b0) + b1) + b2 is the combine.
            q = DoubleVector.zero(S).add(DoubleVector.fromArray(S, a, from));
            if (blocks > 1) {
                q = q.add(DoubleVector.fromArray(S, a, from + LANES));
            }
            if (blocks > 2) {
                q = q.add(DoubleVector.fromArray(S, a, from + 2 * LANES));
            }
        } else {
            DoubleVector p0 = DoubleVector.zero(S);
            DoubleVector p1 = p0;
            DoubleVector p2 = p0;
            DoubleVector p3 = p0;
            int b = 0;
            for (; b <= blocks - GROUPS; b += GROUPS) {
                int i = from + b * LANES;
                p0 = p0.add(DoubleVector.fromArray(S, a, i));
                p1 = p1.add(DoubleVector.fromArray(S, a, i + LANES));
                p2 = p2.add(DoubleVector.fromArray(S, a, i + 2 * LANES));
                p3 = p3.add(DoubleVector.fromArray(S, a, i + 3 * LANES));
            }
            int i = from + b * LANES;
            int left = blocks - b;
            if (left > 0) {
                p0 = p0.add(DoubleVector.fromArray(S, a, i));
            }
            if (left > 1) {
                p1 = p1.add(DoubleVector.fromArray(S, a, i + LANES));
            }
            if (left > 2) {
                p2 = p2.add(DoubleVector.fromArray(S, a, i + 2 * LANES));
            }
            q = p0.add(p1).add(p2.add(p3));
        }
        // The halving tree runs on the lanes of the one vector.
        return lastTwoLevels(q.lane(0) + q.lane(4), q.lane(1) + q.lane(5), q.lane(2) + q.lane(6),
                q.lane(3) + q.lane(7));
    }

    /** A block is two vectors: p{g}{k} is group g, vector k of the block. */
    private static double twoVectorsPerBlock(double[] a, int from, int blocks) {
        DoubleVector t;
        if (blocks < GROUPS) {
            // The groups past the last block hold zeros, which change no sum: ((0 + b0) + b1) + b2 per vector.
            DoubleVector q0 = DoubleVector.zero(S).add(DoubleVector.fromArray(S, a, from));
            DoubleVector q1 = DoubleVector.zero(S).add(DoubleVector.fromArray(S, a, from + L));
            if (blocks > 1) {
                q0 = q0.add(DoubleVector.fromArray(S, a, from + LANES));
                q1 = q1.add(DoubleVector.fromArray(S, a, from + LANES + L));
            }
            if (blocks > 2) {
                q0 = q0.add(DoubleVector.fromArray(S, a, from + 2 * LANES));
                q1 = q1.add(DoubleVector.fromArray(S, a, from + 2 * LANES + L));
            }
            t = q0.add(q1);
        } else {
            DoubleVector p00 = DoubleVector.zero(S);
            DoubleVector p01 = p00;
            DoubleVector p10 = p00;
            DoubleVector p11 = p00;
            DoubleVector p20 = p00;
            DoubleVector p21 = p00;
            DoubleVector p30 = p00;
            DoubleVector p31 = p00;
            int b = 0;
            for (; b <= blocks - GROUPS; b += GROUPS) {
                int i = from + b * LANES;
                p00 = p00.add(DoubleVector.fromArray(S, a, i));
                p01 = p01.add(DoubleVector.fromArray(S, a, i + L));
                p10 = p10.add(DoubleVector.fromArray(S, a, i + LANES));
                p11 = p11.add(DoubleVector.fromArray(S, a, i + LANES + L));
                p20 = p20.add(DoubleVector.fromArray(S, a, i + 2 * LANES));
                p21 = p21.add(DoubleVector.fromArray(S, a, i + 2 * LANES + L));
                p30 = p30.add(DoubleVector.fromArray(S, a, i + 3 * LANES));
                p31 = p31.add(DoubleVector.fromArray(S, a, i + 3 * LANES + L));
            }
            int i = from + b * LANES;
            int left = blocks - b;
            if (left > 0) {
                p00 = p00.add(DoubleVector.fromArray(S, a, i));
                p01 = p01.add(DoubleVector.fromArray(S, a, i + L));
            }
            if (left > 1) {
                p10 = p10.add(DoubleVector.fromArray(S, a, i + LANES));
                p11 = p11.add(DoubleVector.fromArray(S, a, i + LANES + L));
            }
            if (left > 2) {
                p20 = p20.add(DoubleVector.fromArray(S, a, i + 2 * LANES));
                p21 = p21.add(DoubleVector.fromArray(S, a, i + 2 * LANES + L));
            }
            t = p00.add(p10).add(p20.add(p30)).add(p01.add(p11).add(p21.add(p31)));
        }
        // t holds the tree's first level, q[j] + q[j+4]: a block's two vectors added lane-wise.
        return lastTwoLevels(t.lane(0), t.lane(1), t.lane(2), t.lane(3));
    }

    /** A block is four vectors: p{g}{k} is group g, vector k of the block. */
    private static double fourVectorsPerBlock(double[] a, int from, int blocks) {
        DoubleVector t;
        if (blocks < GROUPS) {
            // The groups past the last block hold zeros, which change no sum: ((0 + b0) + b1) + b2 per vector.
            DoubleVector zero = DoubleVector.zero(S);
            DoubleVector q0 = zero.add(DoubleVector.fromArray(S, a, from));
            DoubleVector q1 = zero.add(DoubleVector.fromArray(S, a, from + L));
            DoubleVector q2 = zero.add(DoubleVector.fromArray(S, a, from + 2 * L));
            DoubleVector q3 = zero.add(DoubleVector.fromArray(S, a, from + 3 * L));
            for (int b = 1; b < blocks; b++) {
                int i = from + b * LANES;
                q0 = q0.add(DoubleVector.fromArray(S, a, i));
                q1 = q1.add(DoubleVector.fromArray(S, a, i + L));
                q2 = q2.add(DoubleVector.fromArray(S, a, i + 2 * L));
                q3 = q3.add(DoubleVector.fromArray(S, a, i + 3 * L));
            }
            t = q0.add(q2).add(q1.add(q3));
        } else {
            DoubleVector p00 = DoubleVector.zero(S);
            DoubleVector p01 = p00;
            DoubleVector p02 = p00;
            DoubleVector p03 = p00;
            DoubleVector p10 = p00;
            DoubleVector p11 = p00;
            DoubleVector p12 = p00;
            DoubleVector p13 = p00;
            DoubleVector p20 = p00;
            DoubleVector p21 = p00;
            DoubleVector p22 = p00;
            DoubleVector p23 = p00;
            DoubleVector p30 = p00;
            DoubleVector p31 = p00;
            DoubleVector p32 = p00;
            DoubleVector p33 = p00;
            int b = 0;
            for (; b <= blocks - GROUPS; b += GROUPS) {
                int i = from + b * LANES;
                p00 = p00.add(DoubleVector.fromArray(S, a, i));
                p01 = p01.add(DoubleVector.fromArray(S, a, i + L));
                p02 = p02.add(DoubleVector.fromArray(S, a, i + 2 * L));
                p03 = p03.add(DoubleVector.fromArray(S, a, i + 3 * L));
                i += LANES;
                p10 = p10.add(DoubleVector.fromArray(S, a, i));
                p11 = p11.add(DoubleVector.fromArray(S, a, i + L));
                p12 = p12.add(DoubleVector.fromArray(S, a, i + 2 * L));
                p13 = p13.add(DoubleVector.fromArray(S, a, i + 3 * L));
                i += LANES;
                p20 = p20.add(DoubleVector.fromArray(S, a, i));
                p21 = p21.add(DoubleVector.fromArray(S, a, i + L));
                p22 = p22.add(DoubleVector.fromArray(S, a, i + 2 * L));
                p23 = p23.add(DoubleVector.fromArray(S, a, i + 3 * L));
                i += LANES;
                p30 = p30.add(DoubleVector.fromArray(S, a, i));
                p31 = p31.add(DoubleVector.fromArray(S, a, i + L));
                p32 = p32.add(DoubleVector.fromArray(S, a, i + 2 * L));
                p33 = p33.add(DoubleVector.fromArray(S, a, i + 3 * L));
            }
            int i = from + b * LANES;
            int left = blocks - b;
            if (left > 0) {
                p00 = p00.add(DoubleVector.fromArray(S, a, i));
                p01 = p01.add(DoubleVector.fromArray(S, a, i + L));
                p02 = p02.add(DoubleVector.fromArray(S, a, i + 2 * L));
                p03 = p03.add(DoubleVector.fromArray(S, a, i + 3 * L));
            }
            i += LANES;
            if (left > 1) {
                p10 = p10.add(DoubleVector.fromArray(S, a, i));
                p11 = p11.add(DoubleVector.fromArray(S, a, i + L));
                p12 = p12.add(DoubleVector.fromArray(S, a, i + 2 * L));
                p13 = p13.add(DoubleVector.fromArray(S, a, i + 3 * L));
            }
            i += LANES;
            if (left > 2) {
                p20 = p20.add(DoubleVector.fromArray(S, a, i));
                p21 = p21.add(DoubleVector.fromArray(S, a, i + L));
                p22 = p22.add(DoubleVector.fromArray(S, a, i + 2 * L));
                p23 = p23.add(DoubleVector.fromArray(S, a, i + 3 * L));
            }
            // The tree's first two levels, q[j] + q[j+4] and then + q[j+2], add a block's four vectors lane-wise.
            DoubleVector q0 = p00.add(p10).add(p20.add(p30));
            DoubleVector q1 = p01.add(p11).add(p21.add(p31));
            DoubleVector q2 = p02.add(p12).add(p22.add(p32));
            DoubleVector q3 = p03.add(p13).add(p23.add(p33));
            t = q0.add(q2).add(q1.add(q3));
        }
        return t.lane(0) + t.lane(1);
    }

    /** {@code t[j] + t[j+2]}, then the two results. */
    private static double lastTwoLevels(double t0, double t1, double t2, double t3) {
        return (t0 + t2) + (t1 + t3);
    }
}
