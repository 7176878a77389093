package dev.dlfs.tensor.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transposes of square blocks of one vector's width, done in registers, for packing a transposed B (stored N×K)
 * into gemm panels: a gather per value would cost several times more.
 *
 * <p>Rows are swapped pairwise in log₂(L) rounds: round h combines rows i and i + h (bit h of i clear) with two
 * lane selections, one keeping the lanes of row i whose bit h is clear next to the matching lanes of row i + h, the
 * other the lanes whose bit h is set. The index tables hold one row of lane numbers per round (largest h first),
 * lanes L… meaning the second row. Written for 512-bit vectors (16 floats, 8 doubles); {@link #FLOATS} and
 * {@link #DOUBLES} say whether the preferred species has that width.
 */
final class BlockTranspose {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Whether {@link #floats} applies: float vectors of 16 lanes. */
    static final boolean FLOATS = FS.length() == 16;
    /** Whether {@link #doubles} applies: double vectors of 8 lanes. */
    static final boolean DOUBLES = DS.length() == 8;

    private static final float[] FLOAT_LO = {0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 16,
        17, 18, 19, 8, 9, 10, 11, 24, 25, 26, 27, 0, 1, 16, 17, 4, 5, 20, 21, 8, 9, 24, 25, 12, 13, 28, 29, 0, 16, 2,
        18, 4, 20, 6, 22, 8, 24, 10, 26, 12, 28, 14, 30};
    private static final float[] FLOAT_HI = {8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31, 4, 5, 6,
        7, 20, 21, 22, 23, 12, 13, 14, 15, 28, 29, 30, 31, 2, 3, 18, 19, 6, 7, 22, 23, 10, 11, 26, 27, 14, 15, 30,
        31, 1, 17, 3, 19, 5, 21, 7, 23, 9, 25, 11, 27, 13, 29, 15, 31};
    private static final double[] DOUBLE_LO = {0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 8, 9, 4, 5, 12, 13, 0, 8, 2, 10, 4,
        12, 6, 14};
    private static final double[] DOUBLE_HI = {4, 5, 6, 7, 12, 13, 14, 15, 2, 3, 10, 11, 6, 7, 14, 15, 1, 9, 3, 11,
        5, 13, 7, 15};

    private BlockTranspose() {
    }

    /**
     * Copies the 16×16 block of B at {@code src} (rows {@code ldb} apart) transposed into {@code dst} (rows
     * {@code ldd} apart), in registers: 4 rounds of two-vector lane selections, each swapping the
     * off-diagonal sub-blocks of half the size of the last.
     */
    static void floats(float[] b, int src, int ldb, float[] dst, int to, int ldd) {
        FloatVector lo8 = FloatVector.fromArray(FS, FLOAT_LO, 0);
        FloatVector hi8 = FloatVector.fromArray(FS, FLOAT_HI, 0);
        FloatVector lo4 = FloatVector.fromArray(FS, FLOAT_LO, 16);
        FloatVector hi4 = FloatVector.fromArray(FS, FLOAT_HI, 16);
        FloatVector lo2 = FloatVector.fromArray(FS, FLOAT_LO, 32);
        FloatVector hi2 = FloatVector.fromArray(FS, FLOAT_HI, 32);
        FloatVector lo1 = FloatVector.fromArray(FS, FLOAT_LO, 48);
        FloatVector hi1 = FloatVector.fromArray(FS, FLOAT_HI, 48);
        FloatVector r0 = FloatVector.fromArray(FS, b, src);
        FloatVector r1 = FloatVector.fromArray(FS, b, src + ldb);
        FloatVector r2 = FloatVector.fromArray(FS, b, src + 2 * ldb);
        FloatVector r3 = FloatVector.fromArray(FS, b, src + 3 * ldb);
        FloatVector r4 = FloatVector.fromArray(FS, b, src + 4 * ldb);
        FloatVector r5 = FloatVector.fromArray(FS, b, src + 5 * ldb);
        FloatVector r6 = FloatVector.fromArray(FS, b, src + 6 * ldb);
        FloatVector r7 = FloatVector.fromArray(FS, b, src + 7 * ldb);
        FloatVector r8 = FloatVector.fromArray(FS, b, src + 8 * ldb);
        FloatVector r9 = FloatVector.fromArray(FS, b, src + 9 * ldb);
        FloatVector r10 = FloatVector.fromArray(FS, b, src + 10 * ldb);
        FloatVector r11 = FloatVector.fromArray(FS, b, src + 11 * ldb);
        FloatVector r12 = FloatVector.fromArray(FS, b, src + 12 * ldb);
        FloatVector r13 = FloatVector.fromArray(FS, b, src + 13 * ldb);
        FloatVector r14 = FloatVector.fromArray(FS, b, src + 14 * ldb);
        FloatVector r15 = FloatVector.fromArray(FS, b, src + 15 * ldb);
        FloatVector a0 = lo8.selectFrom(r0, r8);
        FloatVector a8 = hi8.selectFrom(r0, r8);
        FloatVector a1 = lo8.selectFrom(r1, r9);
        FloatVector a9 = hi8.selectFrom(r1, r9);
        FloatVector a2 = lo8.selectFrom(r2, r10);
        FloatVector a10 = hi8.selectFrom(r2, r10);
        FloatVector a3 = lo8.selectFrom(r3, r11);
        FloatVector a11 = hi8.selectFrom(r3, r11);
        FloatVector a4 = lo8.selectFrom(r4, r12);
        FloatVector a12 = hi8.selectFrom(r4, r12);
        FloatVector a5 = lo8.selectFrom(r5, r13);
        FloatVector a13 = hi8.selectFrom(r5, r13);
        FloatVector a6 = lo8.selectFrom(r6, r14);
        FloatVector a14 = hi8.selectFrom(r6, r14);
        FloatVector a7 = lo8.selectFrom(r7, r15);
        FloatVector a15 = hi8.selectFrom(r7, r15);
        FloatVector b0 = lo4.selectFrom(a0, a4);
        FloatVector b4 = hi4.selectFrom(a0, a4);
        FloatVector b1 = lo4.selectFrom(a1, a5);
        FloatVector b5 = hi4.selectFrom(a1, a5);
        FloatVector b2 = lo4.selectFrom(a2, a6);
        FloatVector b6 = hi4.selectFrom(a2, a6);
        FloatVector b3 = lo4.selectFrom(a3, a7);
        FloatVector b7 = hi4.selectFrom(a3, a7);
        FloatVector b8 = lo4.selectFrom(a8, a12);
        FloatVector b12 = hi4.selectFrom(a8, a12);
        FloatVector b9 = lo4.selectFrom(a9, a13);
        FloatVector b13 = hi4.selectFrom(a9, a13);
        FloatVector b10 = lo4.selectFrom(a10, a14);
        FloatVector b14 = hi4.selectFrom(a10, a14);
        FloatVector b11 = lo4.selectFrom(a11, a15);
        FloatVector b15 = hi4.selectFrom(a11, a15);
        FloatVector c0 = lo2.selectFrom(b0, b2);
        FloatVector c2 = hi2.selectFrom(b0, b2);
        FloatVector c1 = lo2.selectFrom(b1, b3);
        FloatVector c3 = hi2.selectFrom(b1, b3);
        FloatVector c4 = lo2.selectFrom(b4, b6);
        FloatVector c6 = hi2.selectFrom(b4, b6);
        FloatVector c5 = lo2.selectFrom(b5, b7);
        FloatVector c7 = hi2.selectFrom(b5, b7);
        FloatVector c8 = lo2.selectFrom(b8, b10);
        FloatVector c10 = hi2.selectFrom(b8, b10);
        FloatVector c9 = lo2.selectFrom(b9, b11);
        FloatVector c11 = hi2.selectFrom(b9, b11);
        FloatVector c12 = lo2.selectFrom(b12, b14);
        FloatVector c14 = hi2.selectFrom(b12, b14);
        FloatVector c13 = lo2.selectFrom(b13, b15);
        FloatVector c15 = hi2.selectFrom(b13, b15);
        FloatVector d0 = lo1.selectFrom(c0, c1);
        FloatVector d1 = hi1.selectFrom(c0, c1);
        FloatVector d2 = lo1.selectFrom(c2, c3);
        FloatVector d3 = hi1.selectFrom(c2, c3);
        FloatVector d4 = lo1.selectFrom(c4, c5);
        FloatVector d5 = hi1.selectFrom(c4, c5);
        FloatVector d6 = lo1.selectFrom(c6, c7);
        FloatVector d7 = hi1.selectFrom(c6, c7);
        FloatVector d8 = lo1.selectFrom(c8, c9);
        FloatVector d9 = hi1.selectFrom(c8, c9);
        FloatVector d10 = lo1.selectFrom(c10, c11);
        FloatVector d11 = hi1.selectFrom(c10, c11);
        FloatVector d12 = lo1.selectFrom(c12, c13);
        FloatVector d13 = hi1.selectFrom(c12, c13);
        FloatVector d14 = lo1.selectFrom(c14, c15);
        FloatVector d15 = hi1.selectFrom(c14, c15);
        d0.intoArray(dst, to);
        d1.intoArray(dst, to + ldd);
        d2.intoArray(dst, to + 2 * ldd);
        d3.intoArray(dst, to + 3 * ldd);
        d4.intoArray(dst, to + 4 * ldd);
        d5.intoArray(dst, to + 5 * ldd);
        d6.intoArray(dst, to + 6 * ldd);
        d7.intoArray(dst, to + 7 * ldd);
        d8.intoArray(dst, to + 8 * ldd);
        d9.intoArray(dst, to + 9 * ldd);
        d10.intoArray(dst, to + 10 * ldd);
        d11.intoArray(dst, to + 11 * ldd);
        d12.intoArray(dst, to + 12 * ldd);
        d13.intoArray(dst, to + 13 * ldd);
        d14.intoArray(dst, to + 14 * ldd);
        d15.intoArray(dst, to + 15 * ldd);
    }

    /**
     * Copies the 8×8 block of B at {@code src} (rows {@code ldb} apart) transposed into {@code dst} (rows
     * {@code ldd} apart), in registers: 3 rounds of two-vector lane selections, each swapping the
     * off-diagonal sub-blocks of half the size of the last.
     */
    static void doubles(double[] b, int src, int ldb, double[] dst, int to, int ldd) {
        DoubleVector lo4 = DoubleVector.fromArray(DS, DOUBLE_LO, 0);
        DoubleVector hi4 = DoubleVector.fromArray(DS, DOUBLE_HI, 0);
        DoubleVector lo2 = DoubleVector.fromArray(DS, DOUBLE_LO, 8);
        DoubleVector hi2 = DoubleVector.fromArray(DS, DOUBLE_HI, 8);
        DoubleVector lo1 = DoubleVector.fromArray(DS, DOUBLE_LO, 16);
        DoubleVector hi1 = DoubleVector.fromArray(DS, DOUBLE_HI, 16);
        DoubleVector r0 = DoubleVector.fromArray(DS, b, src);
        DoubleVector r1 = DoubleVector.fromArray(DS, b, src + ldb);
        DoubleVector r2 = DoubleVector.fromArray(DS, b, src + 2 * ldb);
        DoubleVector r3 = DoubleVector.fromArray(DS, b, src + 3 * ldb);
        DoubleVector r4 = DoubleVector.fromArray(DS, b, src + 4 * ldb);
        DoubleVector r5 = DoubleVector.fromArray(DS, b, src + 5 * ldb);
        DoubleVector r6 = DoubleVector.fromArray(DS, b, src + 6 * ldb);
        DoubleVector r7 = DoubleVector.fromArray(DS, b, src + 7 * ldb);
        DoubleVector a0 = lo4.selectFrom(r0, r4);
        DoubleVector a4 = hi4.selectFrom(r0, r4);
        DoubleVector a1 = lo4.selectFrom(r1, r5);
        DoubleVector a5 = hi4.selectFrom(r1, r5);
        DoubleVector a2 = lo4.selectFrom(r2, r6);
        DoubleVector a6 = hi4.selectFrom(r2, r6);
        DoubleVector a3 = lo4.selectFrom(r3, r7);
        DoubleVector a7 = hi4.selectFrom(r3, r7);
        DoubleVector b0 = lo2.selectFrom(a0, a2);
        DoubleVector b2 = hi2.selectFrom(a0, a2);
        DoubleVector b1 = lo2.selectFrom(a1, a3);
        DoubleVector b3 = hi2.selectFrom(a1, a3);
        DoubleVector b4 = lo2.selectFrom(a4, a6);
        DoubleVector b6 = hi2.selectFrom(a4, a6);
        DoubleVector b5 = lo2.selectFrom(a5, a7);
        DoubleVector b7 = hi2.selectFrom(a5, a7);
        DoubleVector c0 = lo1.selectFrom(b0, b1);
        DoubleVector c1 = hi1.selectFrom(b0, b1);
        DoubleVector c2 = lo1.selectFrom(b2, b3);
        DoubleVector c3 = hi1.selectFrom(b2, b3);
        DoubleVector c4 = lo1.selectFrom(b4, b5);
        DoubleVector c5 = hi1.selectFrom(b4, b5);
        DoubleVector c6 = lo1.selectFrom(b6, b7);
        DoubleVector c7 = hi1.selectFrom(b6, b7);
        c0.intoArray(dst, to);
        c1.intoArray(dst, to + ldd);
        c2.intoArray(dst, to + 2 * ldd);
        c3.intoArray(dst, to + 3 * ldd);
        c4.intoArray(dst, to + 4 * ldd);
        c5.intoArray(dst, to + 5 * ldd);
        c6.intoArray(dst, to + 6 * ldd);
        c7.intoArray(dst, to + 7 * ldd);
    }
}
