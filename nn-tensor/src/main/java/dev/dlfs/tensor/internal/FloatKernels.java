package dev.dlfs.tensor.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 gemm micro-kernels. Each sweeps a strip of C tile by tile; a tile of MR rows × NV vectors stays in vector
 * registers (MR·NV ≤ 24 accumulators of the 32 AVX-512 registers) while the kernel runs over the kc steps of the
 * summed dimension: per step NV vector loads of the packed B panel and, per row, one broadcast of A and NV fused
 * multiply-adds.
 *
 * <p>A is read through strides: element (r, p) is {@code a[aStart + r·ars + p·acs]}, which covers row-major A,
 * transposed A and a packed copy alike. Every tile stores all MR rows, without a branch (a branch that one shape
 * never takes would be compiled out, and the next shape would send the kernel back to the interpreter): the caller
 * passes whole tiles, or a last partial tile whose C is a scratch tile; A rows past {@code rows} repeat the last
 * row. B is a packed panel: step p holds NR = NV·L values at {@code b[bStart + p·NR]}, zero past the strip.
 * The tile is merged into C as {@code C = alpha·acc + beta·C} (one fused multiply-add), C unread when beta is 0;
 * only the first {@code cols} columns are written (the last vector is masked).
 *
 * <p>Unrolled by hand on purpose: every accumulator must be its own local for C2 to keep it in a register, and no
 * vector may cross a call that is not inlined (it would be boxed on the heap). The summed loop is unrolled four
 * times, which also keeps each method too large for C1: C1 code of Vector API calls is slow, and a kernel that C1
 * compiled at its lowest tier (which happens when C2 is busy at start-up) could stay there for good.
 */
final class FloatKernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    static final int L = S.length();

    private FloatKernels() {
    }

    /** Tiles of 8 rows × 3 vectors of C. */
    static void k8x3(int kc, float[] a, int aStart, int ars, int acs, int rows, float[] b, int bStart,
            float[] c, int cStart, int ldc, int cols, float alpha, float beta) {
        FloatVector al = FloatVector.broadcast(S, alpha);
        // C is read through masks, all off when beta is 0: no branch, and garbage in C never leaks in.
        VectorMask<Float> read = S.maskAll(beta != 0f);
        VectorMask<Float> last = S.indexInRange(2 * L, cols);
        VectorMask<Float> lastRead = last.and(read);
        for (int i = 0; i < rows; i += 8) {
            int left = rows - i;
            int a0 = aStart + i * ars;
            int a1 = a0 + Math.min(1, left - 1) * ars;
            int a2 = a0 + Math.min(2, left - 1) * ars;
            int a3 = a0 + Math.min(3, left - 1) * ars;
            int a4 = a0 + Math.min(4, left - 1) * ars;
            int a5 = a0 + Math.min(5, left - 1) * ars;
            int a6 = a0 + Math.min(6, left - 1) * ars;
            int a7 = a0 + Math.min(7, left - 1) * ars;
            FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00, c20 = c00,
                    c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00, c40 = c00, c41 = c00, c42 = c00,
                    c50 = c00, c51 = c00, c52 = c00, c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00,
                    c72 = c00;
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                {
                    int bi = bStart + p * 3 * L;
                    int ap = p * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61); c62 = x6.fma(b2, c62);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71); c72 = x7.fma(b2, c72);
                }
                {
                    int bi = bStart + (p + 1) * 3 * L;
                    int ap = (p + 1) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61); c62 = x6.fma(b2, c62);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71); c72 = x7.fma(b2, c72);
                }
                {
                    int bi = bStart + (p + 2) * 3 * L;
                    int ap = (p + 2) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61); c62 = x6.fma(b2, c62);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71); c72 = x7.fma(b2, c72);
                }
                {
                    int bi = bStart + (p + 3) * 3 * L;
                    int ap = (p + 3) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61); c62 = x6.fma(b2, c62);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71); c72 = x7.fma(b2, c72);
                }
            }
            for (; p < kc; p++) {
                int bi = bStart + p * 3 * L;
                int ap = p * acs;
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
                FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
                FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22);
                FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32);
                FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42);
                FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52);
                FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61); c62 = x6.fma(b2, c62);
                FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71); c72 = x7.fma(b2, c72);
            }
            int o = cStart + i * ldc;
            c00.fma(al, FloatVector.fromArray(S, c, o, read).mul(beta)).intoArray(c, o);
            c01.fma(al, FloatVector.fromArray(S, c, o + L, read).mul(beta)).intoArray(c, o + L);
            c02.fma(al, FloatVector.fromArray(S, c, o + 2 * L, lastRead).mul(beta)).intoArray(c, o + 2 * L, last);
            int o1 = o + ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o1, read).mul(beta)).intoArray(c, o1);
            c11.fma(al, FloatVector.fromArray(S, c, o1 + L, read).mul(beta)).intoArray(c, o1 + L);
            c12.fma(al, FloatVector.fromArray(S, c, o1 + 2 * L, lastRead).mul(beta)).intoArray(c, o1 + 2 * L, last);
            int o2 = o + 2 * ldc;
            c20.fma(al, FloatVector.fromArray(S, c, o2, read).mul(beta)).intoArray(c, o2);
            c21.fma(al, FloatVector.fromArray(S, c, o2 + L, read).mul(beta)).intoArray(c, o2 + L);
            c22.fma(al, FloatVector.fromArray(S, c, o2 + 2 * L, lastRead).mul(beta)).intoArray(c, o2 + 2 * L, last);
            int o3 = o + 3 * ldc;
            c30.fma(al, FloatVector.fromArray(S, c, o3, read).mul(beta)).intoArray(c, o3);
            c31.fma(al, FloatVector.fromArray(S, c, o3 + L, read).mul(beta)).intoArray(c, o3 + L);
            c32.fma(al, FloatVector.fromArray(S, c, o3 + 2 * L, lastRead).mul(beta)).intoArray(c, o3 + 2 * L, last);
            int o4 = o + 4 * ldc;
            c40.fma(al, FloatVector.fromArray(S, c, o4, read).mul(beta)).intoArray(c, o4);
            c41.fma(al, FloatVector.fromArray(S, c, o4 + L, read).mul(beta)).intoArray(c, o4 + L);
            c42.fma(al, FloatVector.fromArray(S, c, o4 + 2 * L, lastRead).mul(beta)).intoArray(c, o4 + 2 * L, last);
            int o5 = o + 5 * ldc;
            c50.fma(al, FloatVector.fromArray(S, c, o5, read).mul(beta)).intoArray(c, o5);
            c51.fma(al, FloatVector.fromArray(S, c, o5 + L, read).mul(beta)).intoArray(c, o5 + L);
            c52.fma(al, FloatVector.fromArray(S, c, o5 + 2 * L, lastRead).mul(beta)).intoArray(c, o5 + 2 * L, last);
            int o6 = o + 6 * ldc;
            c60.fma(al, FloatVector.fromArray(S, c, o6, read).mul(beta)).intoArray(c, o6);
            c61.fma(al, FloatVector.fromArray(S, c, o6 + L, read).mul(beta)).intoArray(c, o6 + L);
            c62.fma(al, FloatVector.fromArray(S, c, o6 + 2 * L, lastRead).mul(beta)).intoArray(c, o6 + 2 * L, last);
            int o7 = o + 7 * ldc;
            c70.fma(al, FloatVector.fromArray(S, c, o7, read).mul(beta)).intoArray(c, o7);
            c71.fma(al, FloatVector.fromArray(S, c, o7 + L, read).mul(beta)).intoArray(c, o7 + L);
            c72.fma(al, FloatVector.fromArray(S, c, o7 + 2 * L, lastRead).mul(beta)).intoArray(c, o7 + 2 * L, last);
        }
    }

    /** Tiles of 6 rows × 4 vectors of C. */
    static void k6x4(int kc, float[] a, int aStart, int ars, int acs, int rows, float[] b, int bStart,
            float[] c, int cStart, int ldc, int cols, float alpha, float beta) {
        FloatVector al = FloatVector.broadcast(S, alpha);
        // C is read through masks, all off when beta is 0: no branch, and garbage in C never leaks in.
        VectorMask<Float> read = S.maskAll(beta != 0f);
        VectorMask<Float> last = S.indexInRange(3 * L, cols);
        VectorMask<Float> lastRead = last.and(read);
        for (int i = 0; i < rows; i += 6) {
            int left = rows - i;
            int a0 = aStart + i * ars;
            int a1 = a0 + Math.min(1, left - 1) * ars;
            int a2 = a0 + Math.min(2, left - 1) * ars;
            int a3 = a0 + Math.min(3, left - 1) * ars;
            int a4 = a0 + Math.min(4, left - 1) * ars;
            int a5 = a0 + Math.min(5, left - 1) * ars;
            FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00,
                    c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00,
                    c33 = c00, c40 = c00, c41 = c00, c42 = c00, c43 = c00, c50 = c00, c51 = c00, c52 = c00,
                    c53 = c00;
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                {
                    int bi = bStart + p * 4 * L;
                    int ap = p * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22); c23 = x2.fma(b3, c23);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32); c33 = x3.fma(b3, c33);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42); c43 = x4.fma(b3, c43);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52); c53 = x5.fma(b3, c53);
                }
                {
                    int bi = bStart + (p + 1) * 4 * L;
                    int ap = (p + 1) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22); c23 = x2.fma(b3, c23);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32); c33 = x3.fma(b3, c33);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42); c43 = x4.fma(b3, c43);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52); c53 = x5.fma(b3, c53);
                }
                {
                    int bi = bStart + (p + 2) * 4 * L;
                    int ap = (p + 2) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22); c23 = x2.fma(b3, c23);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32); c33 = x3.fma(b3, c33);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42); c43 = x4.fma(b3, c43);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52); c53 = x5.fma(b3, c53);
                }
                {
                    int bi = bStart + (p + 3) * 4 * L;
                    int ap = (p + 3) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                    FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22); c23 = x2.fma(b3, c23);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32); c33 = x3.fma(b3, c33);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42); c43 = x4.fma(b3, c43);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52); c53 = x5.fma(b3, c53);
                }
            }
            for (; p < kc; p++) {
                int bi = bStart + p * 4 * L;
                int ap = p * acs;
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
                FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
                FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
                FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22); c23 = x2.fma(b3, c23);
                FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32); c33 = x3.fma(b3, c33);
                FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42); c43 = x4.fma(b3, c43);
                FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52); c53 = x5.fma(b3, c53);
            }
            int o = cStart + i * ldc;
            c00.fma(al, FloatVector.fromArray(S, c, o, read).mul(beta)).intoArray(c, o);
            c01.fma(al, FloatVector.fromArray(S, c, o + L, read).mul(beta)).intoArray(c, o + L);
            c02.fma(al, FloatVector.fromArray(S, c, o + 2 * L, read).mul(beta)).intoArray(c, o + 2 * L);
            c03.fma(al, FloatVector.fromArray(S, c, o + 3 * L, lastRead).mul(beta)).intoArray(c, o + 3 * L, last);
            int o1 = o + ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o1, read).mul(beta)).intoArray(c, o1);
            c11.fma(al, FloatVector.fromArray(S, c, o1 + L, read).mul(beta)).intoArray(c, o1 + L);
            c12.fma(al, FloatVector.fromArray(S, c, o1 + 2 * L, read).mul(beta)).intoArray(c, o1 + 2 * L);
            c13.fma(al, FloatVector.fromArray(S, c, o1 + 3 * L, lastRead).mul(beta)).intoArray(c, o1 + 3 * L, last);
            int o2 = o + 2 * ldc;
            c20.fma(al, FloatVector.fromArray(S, c, o2, read).mul(beta)).intoArray(c, o2);
            c21.fma(al, FloatVector.fromArray(S, c, o2 + L, read).mul(beta)).intoArray(c, o2 + L);
            c22.fma(al, FloatVector.fromArray(S, c, o2 + 2 * L, read).mul(beta)).intoArray(c, o2 + 2 * L);
            c23.fma(al, FloatVector.fromArray(S, c, o2 + 3 * L, lastRead).mul(beta)).intoArray(c, o2 + 3 * L, last);
            int o3 = o + 3 * ldc;
            c30.fma(al, FloatVector.fromArray(S, c, o3, read).mul(beta)).intoArray(c, o3);
            c31.fma(al, FloatVector.fromArray(S, c, o3 + L, read).mul(beta)).intoArray(c, o3 + L);
            c32.fma(al, FloatVector.fromArray(S, c, o3 + 2 * L, read).mul(beta)).intoArray(c, o3 + 2 * L);
            c33.fma(al, FloatVector.fromArray(S, c, o3 + 3 * L, lastRead).mul(beta)).intoArray(c, o3 + 3 * L, last);
            int o4 = o + 4 * ldc;
            c40.fma(al, FloatVector.fromArray(S, c, o4, read).mul(beta)).intoArray(c, o4);
            c41.fma(al, FloatVector.fromArray(S, c, o4 + L, read).mul(beta)).intoArray(c, o4 + L);
            c42.fma(al, FloatVector.fromArray(S, c, o4 + 2 * L, read).mul(beta)).intoArray(c, o4 + 2 * L);
            c43.fma(al, FloatVector.fromArray(S, c, o4 + 3 * L, lastRead).mul(beta)).intoArray(c, o4 + 3 * L, last);
            int o5 = o + 5 * ldc;
            c50.fma(al, FloatVector.fromArray(S, c, o5, read).mul(beta)).intoArray(c, o5);
            c51.fma(al, FloatVector.fromArray(S, c, o5 + L, read).mul(beta)).intoArray(c, o5 + L);
            c52.fma(al, FloatVector.fromArray(S, c, o5 + 2 * L, read).mul(beta)).intoArray(c, o5 + 2 * L);
            c53.fma(al, FloatVector.fromArray(S, c, o5 + 3 * L, lastRead).mul(beta)).intoArray(c, o5 + 3 * L, last);
        }
    }

    /** Tiles of 12 rows × 2 vectors of C. */
    static void k12x2(int kc, float[] a, int aStart, int ars, int acs, int rows, float[] b, int bStart,
            float[] c, int cStart, int ldc, int cols, float alpha, float beta) {
        FloatVector al = FloatVector.broadcast(S, alpha);
        // C is read through masks, all off when beta is 0: no branch, and garbage in C never leaks in.
        VectorMask<Float> read = S.maskAll(beta != 0f);
        VectorMask<Float> last = S.indexInRange(L, cols);
        VectorMask<Float> lastRead = last.and(read);
        for (int i = 0; i < rows; i += 12) {
            int left = rows - i;
            int a0 = aStart + i * ars;
            int a1 = a0 + Math.min(1, left - 1) * ars;
            int a2 = a0 + Math.min(2, left - 1) * ars;
            int a3 = a0 + Math.min(3, left - 1) * ars;
            int a4 = a0 + Math.min(4, left - 1) * ars;
            int a5 = a0 + Math.min(5, left - 1) * ars;
            int a6 = a0 + Math.min(6, left - 1) * ars;
            int a7 = a0 + Math.min(7, left - 1) * ars;
            int a8 = a0 + Math.min(8, left - 1) * ars;
            int a9 = a0 + Math.min(9, left - 1) * ars;
            int a10 = a0 + Math.min(10, left - 1) * ars;
            int a11 = a0 + Math.min(11, left - 1) * ars;
            FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00,
                    c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00,
                    c71 = c00, c80 = c00, c81 = c00, c90 = c00, c91 = c00, c100 = c00, c101 = c00, c110 = c00,
                    c111 = c00;
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                {
                    int bi = bStart + p * 2 * L;
                    int ap = p * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80); c81 = x8.fma(b1, c81);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90); c91 = x9.fma(b1, c91);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100); c101 = x10.fma(b1, c101);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110); c111 = x11.fma(b1, c111);
                }
                {
                    int bi = bStart + (p + 1) * 2 * L;
                    int ap = (p + 1) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80); c81 = x8.fma(b1, c81);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90); c91 = x9.fma(b1, c91);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100); c101 = x10.fma(b1, c101);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110); c111 = x11.fma(b1, c111);
                }
                {
                    int bi = bStart + (p + 2) * 2 * L;
                    int ap = (p + 2) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80); c81 = x8.fma(b1, c81);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90); c91 = x9.fma(b1, c91);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100); c101 = x10.fma(b1, c101);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110); c111 = x11.fma(b1, c111);
                }
                {
                    int bi = bStart + (p + 3) * 2 * L;
                    int ap = (p + 3) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80); c81 = x8.fma(b1, c81);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90); c91 = x9.fma(b1, c91);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100); c101 = x10.fma(b1, c101);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110); c111 = x11.fma(b1, c111);
                }
            }
            for (; p < kc; p++) {
                int bi = bStart + p * 2 * L;
                int ap = p * acs;
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
                FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
                FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
                FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
                FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
                FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
                FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                c60 = x6.fma(b0, c60); c61 = x6.fma(b1, c61);
                FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                c70 = x7.fma(b0, c70); c71 = x7.fma(b1, c71);
                FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                c80 = x8.fma(b0, c80); c81 = x8.fma(b1, c81);
                FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                c90 = x9.fma(b0, c90); c91 = x9.fma(b1, c91);
                FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                c100 = x10.fma(b0, c100); c101 = x10.fma(b1, c101);
                FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                c110 = x11.fma(b0, c110); c111 = x11.fma(b1, c111);
            }
            int o = cStart + i * ldc;
            c00.fma(al, FloatVector.fromArray(S, c, o, read).mul(beta)).intoArray(c, o);
            c01.fma(al, FloatVector.fromArray(S, c, o + L, lastRead).mul(beta)).intoArray(c, o + L, last);
            int o1 = o + ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o1, read).mul(beta)).intoArray(c, o1);
            c11.fma(al, FloatVector.fromArray(S, c, o1 + L, lastRead).mul(beta)).intoArray(c, o1 + L, last);
            int o2 = o + 2 * ldc;
            c20.fma(al, FloatVector.fromArray(S, c, o2, read).mul(beta)).intoArray(c, o2);
            c21.fma(al, FloatVector.fromArray(S, c, o2 + L, lastRead).mul(beta)).intoArray(c, o2 + L, last);
            int o3 = o + 3 * ldc;
            c30.fma(al, FloatVector.fromArray(S, c, o3, read).mul(beta)).intoArray(c, o3);
            c31.fma(al, FloatVector.fromArray(S, c, o3 + L, lastRead).mul(beta)).intoArray(c, o3 + L, last);
            int o4 = o + 4 * ldc;
            c40.fma(al, FloatVector.fromArray(S, c, o4, read).mul(beta)).intoArray(c, o4);
            c41.fma(al, FloatVector.fromArray(S, c, o4 + L, lastRead).mul(beta)).intoArray(c, o4 + L, last);
            int o5 = o + 5 * ldc;
            c50.fma(al, FloatVector.fromArray(S, c, o5, read).mul(beta)).intoArray(c, o5);
            c51.fma(al, FloatVector.fromArray(S, c, o5 + L, lastRead).mul(beta)).intoArray(c, o5 + L, last);
            int o6 = o + 6 * ldc;
            c60.fma(al, FloatVector.fromArray(S, c, o6, read).mul(beta)).intoArray(c, o6);
            c61.fma(al, FloatVector.fromArray(S, c, o6 + L, lastRead).mul(beta)).intoArray(c, o6 + L, last);
            int o7 = o + 7 * ldc;
            c70.fma(al, FloatVector.fromArray(S, c, o7, read).mul(beta)).intoArray(c, o7);
            c71.fma(al, FloatVector.fromArray(S, c, o7 + L, lastRead).mul(beta)).intoArray(c, o7 + L, last);
            int o8 = o + 8 * ldc;
            c80.fma(al, FloatVector.fromArray(S, c, o8, read).mul(beta)).intoArray(c, o8);
            c81.fma(al, FloatVector.fromArray(S, c, o8 + L, lastRead).mul(beta)).intoArray(c, o8 + L, last);
            int o9 = o + 9 * ldc;
            c90.fma(al, FloatVector.fromArray(S, c, o9, read).mul(beta)).intoArray(c, o9);
            c91.fma(al, FloatVector.fromArray(S, c, o9 + L, lastRead).mul(beta)).intoArray(c, o9 + L, last);
            int o10 = o + 10 * ldc;
            c100.fma(al, FloatVector.fromArray(S, c, o10, read).mul(beta)).intoArray(c, o10);
            c101.fma(al, FloatVector.fromArray(S, c, o10 + L, lastRead).mul(beta)).intoArray(c, o10 + L, last);
            int o11 = o + 11 * ldc;
            c110.fma(al, FloatVector.fromArray(S, c, o11, read).mul(beta)).intoArray(c, o11);
            c111.fma(al, FloatVector.fromArray(S, c, o11 + L, lastRead).mul(beta)).intoArray(c, o11 + L, last);
        }
    }

    /** Tiles of 16 rows × 1 vector of C. */
    static void k16x1(int kc, float[] a, int aStart, int ars, int acs, int rows, float[] b, int bStart,
            float[] c, int cStart, int ldc, int cols, float alpha, float beta) {
        FloatVector al = FloatVector.broadcast(S, alpha);
        // C is read through masks, all off when beta is 0: no branch, and garbage in C never leaks in.
        VectorMask<Float> read = S.maskAll(beta != 0f);
        VectorMask<Float> last = S.indexInRange(0, cols);
        VectorMask<Float> lastRead = last.and(read);
        for (int i = 0; i < rows; i += 16) {
            int left = rows - i;
            int a0 = aStart + i * ars;
            int a1 = a0 + Math.min(1, left - 1) * ars;
            int a2 = a0 + Math.min(2, left - 1) * ars;
            int a3 = a0 + Math.min(3, left - 1) * ars;
            int a4 = a0 + Math.min(4, left - 1) * ars;
            int a5 = a0 + Math.min(5, left - 1) * ars;
            int a6 = a0 + Math.min(6, left - 1) * ars;
            int a7 = a0 + Math.min(7, left - 1) * ars;
            int a8 = a0 + Math.min(8, left - 1) * ars;
            int a9 = a0 + Math.min(9, left - 1) * ars;
            int a10 = a0 + Math.min(10, left - 1) * ars;
            int a11 = a0 + Math.min(11, left - 1) * ars;
            int a12 = a0 + Math.min(12, left - 1) * ars;
            int a13 = a0 + Math.min(13, left - 1) * ars;
            int a14 = a0 + Math.min(14, left - 1) * ars;
            int a15 = a0 + Math.min(15, left - 1) * ars;
            FloatVector c00 = FloatVector.zero(S), c10 = c00, c20 = c00, c30 = c00, c40 = c00, c50 = c00, c60 = c00,
                    c70 = c00, c80 = c00, c90 = c00, c100 = c00, c110 = c00, c120 = c00, c130 = c00, c140 = c00,
                    c150 = c00;
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                {
                    int bi = bStart + p * L;
                    int ap = p * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110);
                    FloatVector x12 = FloatVector.broadcast(S, a[a12 + ap]);
                    c120 = x12.fma(b0, c120);
                    FloatVector x13 = FloatVector.broadcast(S, a[a13 + ap]);
                    c130 = x13.fma(b0, c130);
                    FloatVector x14 = FloatVector.broadcast(S, a[a14 + ap]);
                    c140 = x14.fma(b0, c140);
                    FloatVector x15 = FloatVector.broadcast(S, a[a15 + ap]);
                    c150 = x15.fma(b0, c150);
                }
                {
                    int bi = bStart + (p + 1) * L;
                    int ap = (p + 1) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110);
                    FloatVector x12 = FloatVector.broadcast(S, a[a12 + ap]);
                    c120 = x12.fma(b0, c120);
                    FloatVector x13 = FloatVector.broadcast(S, a[a13 + ap]);
                    c130 = x13.fma(b0, c130);
                    FloatVector x14 = FloatVector.broadcast(S, a[a14 + ap]);
                    c140 = x14.fma(b0, c140);
                    FloatVector x15 = FloatVector.broadcast(S, a[a15 + ap]);
                    c150 = x15.fma(b0, c150);
                }
                {
                    int bi = bStart + (p + 2) * L;
                    int ap = (p + 2) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110);
                    FloatVector x12 = FloatVector.broadcast(S, a[a12 + ap]);
                    c120 = x12.fma(b0, c120);
                    FloatVector x13 = FloatVector.broadcast(S, a[a13 + ap]);
                    c130 = x13.fma(b0, c130);
                    FloatVector x14 = FloatVector.broadcast(S, a[a14 + ap]);
                    c140 = x14.fma(b0, c140);
                    FloatVector x15 = FloatVector.broadcast(S, a[a15 + ap]);
                    c150 = x15.fma(b0, c150);
                }
                {
                    int bi = bStart + (p + 3) * L;
                    int ap = (p + 3) * acs;
                    FloatVector b0 = FloatVector.fromArray(S, b, bi);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                    c00 = x0.fma(b0, c00);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                    c10 = x1.fma(b0, c10);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                    c20 = x2.fma(b0, c20);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                    c30 = x3.fma(b0, c30);
                    FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                    c40 = x4.fma(b0, c40);
                    FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                    c50 = x5.fma(b0, c50);
                    FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                    c60 = x6.fma(b0, c60);
                    FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                    c70 = x7.fma(b0, c70);
                    FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                    c80 = x8.fma(b0, c80);
                    FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                    c90 = x9.fma(b0, c90);
                    FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                    c100 = x10.fma(b0, c100);
                    FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                    c110 = x11.fma(b0, c110);
                    FloatVector x12 = FloatVector.broadcast(S, a[a12 + ap]);
                    c120 = x12.fma(b0, c120);
                    FloatVector x13 = FloatVector.broadcast(S, a[a13 + ap]);
                    c130 = x13.fma(b0, c130);
                    FloatVector x14 = FloatVector.broadcast(S, a[a14 + ap]);
                    c140 = x14.fma(b0, c140);
                    FloatVector x15 = FloatVector.broadcast(S, a[a15 + ap]);
                    c150 = x15.fma(b0, c150);
                }
            }
            for (; p < kc; p++) {
                int bi = bStart + p * L;
                int ap = p * acs;
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
                c00 = x0.fma(b0, c00);
                FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
                c10 = x1.fma(b0, c10);
                FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
                c20 = x2.fma(b0, c20);
                FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
                c30 = x3.fma(b0, c30);
                FloatVector x4 = FloatVector.broadcast(S, a[a4 + ap]);
                c40 = x4.fma(b0, c40);
                FloatVector x5 = FloatVector.broadcast(S, a[a5 + ap]);
                c50 = x5.fma(b0, c50);
                FloatVector x6 = FloatVector.broadcast(S, a[a6 + ap]);
                c60 = x6.fma(b0, c60);
                FloatVector x7 = FloatVector.broadcast(S, a[a7 + ap]);
                c70 = x7.fma(b0, c70);
                FloatVector x8 = FloatVector.broadcast(S, a[a8 + ap]);
                c80 = x8.fma(b0, c80);
                FloatVector x9 = FloatVector.broadcast(S, a[a9 + ap]);
                c90 = x9.fma(b0, c90);
                FloatVector x10 = FloatVector.broadcast(S, a[a10 + ap]);
                c100 = x10.fma(b0, c100);
                FloatVector x11 = FloatVector.broadcast(S, a[a11 + ap]);
                c110 = x11.fma(b0, c110);
                FloatVector x12 = FloatVector.broadcast(S, a[a12 + ap]);
                c120 = x12.fma(b0, c120);
                FloatVector x13 = FloatVector.broadcast(S, a[a13 + ap]);
                c130 = x13.fma(b0, c130);
                FloatVector x14 = FloatVector.broadcast(S, a[a14 + ap]);
                c140 = x14.fma(b0, c140);
                FloatVector x15 = FloatVector.broadcast(S, a[a15 + ap]);
                c150 = x15.fma(b0, c150);
            }
            int o = cStart + i * ldc;
            c00.fma(al, FloatVector.fromArray(S, c, o, lastRead).mul(beta)).intoArray(c, o, last);
            int o1 = o + ldc;
            c10.fma(al, FloatVector.fromArray(S, c, o1, lastRead).mul(beta)).intoArray(c, o1, last);
            int o2 = o + 2 * ldc;
            c20.fma(al, FloatVector.fromArray(S, c, o2, lastRead).mul(beta)).intoArray(c, o2, last);
            int o3 = o + 3 * ldc;
            c30.fma(al, FloatVector.fromArray(S, c, o3, lastRead).mul(beta)).intoArray(c, o3, last);
            int o4 = o + 4 * ldc;
            c40.fma(al, FloatVector.fromArray(S, c, o4, lastRead).mul(beta)).intoArray(c, o4, last);
            int o5 = o + 5 * ldc;
            c50.fma(al, FloatVector.fromArray(S, c, o5, lastRead).mul(beta)).intoArray(c, o5, last);
            int o6 = o + 6 * ldc;
            c60.fma(al, FloatVector.fromArray(S, c, o6, lastRead).mul(beta)).intoArray(c, o6, last);
            int o7 = o + 7 * ldc;
            c70.fma(al, FloatVector.fromArray(S, c, o7, lastRead).mul(beta)).intoArray(c, o7, last);
            int o8 = o + 8 * ldc;
            c80.fma(al, FloatVector.fromArray(S, c, o8, lastRead).mul(beta)).intoArray(c, o8, last);
            int o9 = o + 9 * ldc;
            c90.fma(al, FloatVector.fromArray(S, c, o9, lastRead).mul(beta)).intoArray(c, o9, last);
            int o10 = o + 10 * ldc;
            c100.fma(al, FloatVector.fromArray(S, c, o10, lastRead).mul(beta)).intoArray(c, o10, last);
            int o11 = o + 11 * ldc;
            c110.fma(al, FloatVector.fromArray(S, c, o11, lastRead).mul(beta)).intoArray(c, o11, last);
            int o12 = o + 12 * ldc;
            c120.fma(al, FloatVector.fromArray(S, c, o12, lastRead).mul(beta)).intoArray(c, o12, last);
            int o13 = o + 13 * ldc;
            c130.fma(al, FloatVector.fromArray(S, c, o13, lastRead).mul(beta)).intoArray(c, o13, last);
            int o14 = o + 14 * ldc;
            c140.fma(al, FloatVector.fromArray(S, c, o14, lastRead).mul(beta)).intoArray(c, o14, last);
            int o15 = o + 15 * ldc;
            c150.fma(al, FloatVector.fromArray(S, c, o15, lastRead).mul(beta)).intoArray(c, o15, last);
        }
    }
}
