package dev.dlfs.tensor.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 gemm micro-kernels: each keeps an MR×NR block of C in vector registers (MR·NV ≤ 24 accumulators) and
 * runs over kc steps of the summed dimension, one broadcast of A and NV vector loads of the packed B panel per row
 * and step, so the work is fused multiply-adds from registers.
 *
 * <p>A is read in place through strides: element (r, p) of the tile is {@code a[aStart + r·ars + p·acs]}, which
 * covers row-major A, transposed A and a packed copy alike. Rows at or past {@code rows} repeat the last valid row
 * (their results are never stored), so edge tiles need no special code. B is a packed panel: step p holds NR values
 * at {@code b[bStart + p·NR]}, zero-padded past N. Results go to {@code tile} (row-major MR×NR) and
 * {@link DoubleGemm} merges them into C.
 *
 * <p>The code is unrolled by hand on purpose: every accumulator must be a separate local so that C2 keeps it in a
 * register; a loop over an array of vectors would spill to memory.
 */
final class DoubleKernels {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    static final int L = S.length();

    private DoubleKernels() {
    }

    /** 8 rows × 3 vectors of C. */
    static void k8x3(int kc, double[] a, int aStart, int ars, int acs, int rows, double[] b, int bStart, double[] tile) {
        int a0 = aStart + Math.min(0, rows - 1) * ars;
        int a1 = aStart + Math.min(1, rows - 1) * ars;
        int a2 = aStart + Math.min(2, rows - 1) * ars;
        int a3 = aStart + Math.min(3, rows - 1) * ars;
        int a4 = aStart + Math.min(4, rows - 1) * ars;
        int a5 = aStart + Math.min(5, rows - 1) * ars;
        int a6 = aStart + Math.min(6, rows - 1) * ars;
        int a7 = aStart + Math.min(7, rows - 1) * ars;
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00, c20 = c00,
                c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00, c40 = c00, c41 = c00, c42 = c00, c50 = c00,
                c51 = c00, c52 = c00, c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00, c72 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bStart + p * 3 * L;
            int ap = p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + ap]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + ap]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52);
            DoubleVector x6 = DoubleVector.broadcast(S, a[a6 + ap]);
            c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61); c62 = x6.fma(b2, c62);
            DoubleVector x7 = DoubleVector.broadcast(S, a[a7 + ap]);
            c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71); c72 = x7.fma(b2, c72);
        }
        c00.intoArray(tile, 0); c01.intoArray(tile, L); c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, 3 * L); c11.intoArray(tile, 4 * L); c12.intoArray(tile, 5 * L);
        c20.intoArray(tile, 6 * L); c21.intoArray(tile, 7 * L); c22.intoArray(tile, 8 * L);
        c30.intoArray(tile, 9 * L); c31.intoArray(tile, 10 * L); c32.intoArray(tile, 11 * L);
        c40.intoArray(tile, 12 * L); c41.intoArray(tile, 13 * L); c42.intoArray(tile, 14 * L);
        c50.intoArray(tile, 15 * L); c51.intoArray(tile, 16 * L); c52.intoArray(tile, 17 * L);
        c60.intoArray(tile, 18 * L); c61.intoArray(tile, 19 * L); c62.intoArray(tile, 20 * L);
        c70.intoArray(tile, 21 * L); c71.intoArray(tile, 22 * L); c72.intoArray(tile, 23 * L);
    }

    /** 6 rows × 4 vectors of C. */
    static void k6x4(int kc, double[] a, int aStart, int ars, int acs, int rows, double[] b, int bStart, double[] tile) {
        int a0 = aStart + Math.min(0, rows - 1) * ars;
        int a1 = aStart + Math.min(1, rows - 1) * ars;
        int a2 = aStart + Math.min(2, rows - 1) * ars;
        int a3 = aStart + Math.min(3, rows - 1) * ars;
        int a4 = aStart + Math.min(4, rows - 1) * ars;
        int a5 = aStart + Math.min(5, rows - 1) * ars;
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00,
                c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00,
                c40 = c00, c41 = c00, c42 = c00, c43 = c00, c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bStart + p * 4 * L;
            int ap = p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bi + 3 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22); c23 = x2.fma(b3, c23);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32); c33 = x3.fma(b3, c33);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + ap]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42); c43 = x4.fma(b3, c43);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + ap]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52); c53 = x5.fma(b3, c53);
        }
        c00.intoArray(tile, 0); c01.intoArray(tile, L); c02.intoArray(tile, 2 * L); c03.intoArray(tile, 3 * L);
        c10.intoArray(tile, 4 * L); c11.intoArray(tile, 5 * L); c12.intoArray(tile, 6 * L); c13.intoArray(tile, 7 * L);
        c20.intoArray(tile, 8 * L); c21.intoArray(tile, 9 * L); c22.intoArray(tile, 10 * L); c23.intoArray(tile, 11 * L);
        c30.intoArray(tile, 12 * L); c31.intoArray(tile, 13 * L); c32.intoArray(tile, 14 * L); c33.intoArray(tile, 15 * L);
        c40.intoArray(tile, 16 * L); c41.intoArray(tile, 17 * L); c42.intoArray(tile, 18 * L); c43.intoArray(tile, 19 * L);
        c50.intoArray(tile, 20 * L); c51.intoArray(tile, 21 * L); c52.intoArray(tile, 22 * L); c53.intoArray(tile, 23 * L);
    }

    /** 12 rows × 2 vectors of C. */
    static void k12x2(int kc, double[] a, int aStart, int ars, int acs, int rows, double[] b, int bStart, double[] tile) {
        int a0 = aStart + Math.min(0, rows - 1) * ars;
        int a1 = aStart + Math.min(1, rows - 1) * ars;
        int a2 = aStart + Math.min(2, rows - 1) * ars;
        int a3 = aStart + Math.min(3, rows - 1) * ars;
        int a4 = aStart + Math.min(4, rows - 1) * ars;
        int a5 = aStart + Math.min(5, rows - 1) * ars;
        int a6 = aStart + Math.min(6, rows - 1) * ars;
        int a7 = aStart + Math.min(7, rows - 1) * ars;
        int a8 = aStart + Math.min(8, rows - 1) * ars;
        int a9 = aStart + Math.min(9, rows - 1) * ars;
        int a10 = aStart + Math.min(10, rows - 1) * ars;
        int a11 = aStart + Math.min(11, rows - 1) * ars;
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00,
                c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00,
                c80 = c00, c81 = c00, c90 = c00, c91 = c00, c100 = c00, c101 = c00, c110 = c00, c111 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bStart + p * 2 * L;
            int ap = p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + ap]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + ap]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(S, a[a6 + ap]);
            c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(S, a[a7 + ap]);
            c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
            DoubleVector x8 = DoubleVector.broadcast(S, a[a8 + ap]);
            c80 = x8.fma(b0, c80); c81 = x8.fma(b1, c81);
            DoubleVector x9 = DoubleVector.broadcast(S, a[a9 + ap]);
            c90 = x9.fma(b0, c90); c91 = x9.fma(b1, c91);
            DoubleVector x10 = DoubleVector.broadcast(S, a[a10 + ap]);
            c100 = x10.fma(b0, c100); c101 = x10.fma(b1, c101);
            DoubleVector x11 = DoubleVector.broadcast(S, a[a11 + ap]);
            c110 = x11.fma(b0, c110); c111 = x11.fma(b1, c111);
        }
        c00.intoArray(tile, 0); c01.intoArray(tile, L);
        c10.intoArray(tile, 2 * L); c11.intoArray(tile, 3 * L);
        c20.intoArray(tile, 4 * L); c21.intoArray(tile, 5 * L);
        c30.intoArray(tile, 6 * L); c31.intoArray(tile, 7 * L);
        c40.intoArray(tile, 8 * L); c41.intoArray(tile, 9 * L);
        c50.intoArray(tile, 10 * L); c51.intoArray(tile, 11 * L);
        c60.intoArray(tile, 12 * L); c61.intoArray(tile, 13 * L);
        c70.intoArray(tile, 14 * L); c71.intoArray(tile, 15 * L);
        c80.intoArray(tile, 16 * L); c81.intoArray(tile, 17 * L);
        c90.intoArray(tile, 18 * L); c91.intoArray(tile, 19 * L);
        c100.intoArray(tile, 20 * L); c101.intoArray(tile, 21 * L);
        c110.intoArray(tile, 22 * L); c111.intoArray(tile, 23 * L);
    }

    /** 16 rows × 1 vector of C. */
    static void k16x1(int kc, double[] a, int aStart, int ars, int acs, int rows, double[] b, int bStart, double[] tile) {
        int a0 = aStart + Math.min(0, rows - 1) * ars;
        int a1 = aStart + Math.min(1, rows - 1) * ars;
        int a2 = aStart + Math.min(2, rows - 1) * ars;
        int a3 = aStart + Math.min(3, rows - 1) * ars;
        int a4 = aStart + Math.min(4, rows - 1) * ars;
        int a5 = aStart + Math.min(5, rows - 1) * ars;
        int a6 = aStart + Math.min(6, rows - 1) * ars;
        int a7 = aStart + Math.min(7, rows - 1) * ars;
        int a8 = aStart + Math.min(8, rows - 1) * ars;
        int a9 = aStart + Math.min(9, rows - 1) * ars;
        int a10 = aStart + Math.min(10, rows - 1) * ars;
        int a11 = aStart + Math.min(11, rows - 1) * ars;
        int a12 = aStart + Math.min(12, rows - 1) * ars;
        int a13 = aStart + Math.min(13, rows - 1) * ars;
        int a14 = aStart + Math.min(14, rows - 1) * ars;
        int a15 = aStart + Math.min(15, rows - 1) * ars;
        DoubleVector c00 = DoubleVector.zero(S), c10 = c00, c20 = c00, c30 = c00, c40 = c00, c50 = c00, c60 = c00,
                c70 = c00, c80 = c00, c90 = c00, c100 = c00, c110 = c00, c120 = c00, c130 = c00, c140 = c00,
                c150 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bStart + p * L;
            int ap = p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x0.fma(b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x1.fma(b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x2.fma(b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x3.fma(b0, c30);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + ap]);
            c40 = x4.fma(b0, c40);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + ap]);
            c50 = x5.fma(b0, c50);
            DoubleVector x6 = DoubleVector.broadcast(S, a[a6 + ap]);
            c60 = x6.fma(b0, c60);
            DoubleVector x7 = DoubleVector.broadcast(S, a[a7 + ap]);
            c70 = x7.fma(b0, c70);
            DoubleVector x8 = DoubleVector.broadcast(S, a[a8 + ap]);
            c80 = x8.fma(b0, c80);
            DoubleVector x9 = DoubleVector.broadcast(S, a[a9 + ap]);
            c90 = x9.fma(b0, c90);
            DoubleVector x10 = DoubleVector.broadcast(S, a[a10 + ap]);
            c100 = x10.fma(b0, c100);
            DoubleVector x11 = DoubleVector.broadcast(S, a[a11 + ap]);
            c110 = x11.fma(b0, c110);
            DoubleVector x12 = DoubleVector.broadcast(S, a[a12 + ap]);
            c120 = x12.fma(b0, c120);
            DoubleVector x13 = DoubleVector.broadcast(S, a[a13 + ap]);
            c130 = x13.fma(b0, c130);
            DoubleVector x14 = DoubleVector.broadcast(S, a[a14 + ap]);
            c140 = x14.fma(b0, c140);
            DoubleVector x15 = DoubleVector.broadcast(S, a[a15 + ap]);
            c150 = x15.fma(b0, c150);
        }
        c00.intoArray(tile, 0);
        c10.intoArray(tile, L);
        c20.intoArray(tile, 2 * L);
        c30.intoArray(tile, 3 * L);
        c40.intoArray(tile, 4 * L);
        c50.intoArray(tile, 5 * L);
        c60.intoArray(tile, 6 * L);
        c70.intoArray(tile, 7 * L);
        c80.intoArray(tile, 8 * L);
        c90.intoArray(tile, 9 * L);
        c100.intoArray(tile, 10 * L);
        c110.intoArray(tile, 11 * L);
        c120.intoArray(tile, 12 * L);
        c130.intoArray(tile, 13 * L);
        c140.intoArray(tile, 14 * L);
        c150.intoArray(tile, 15 * L);
    }
}
