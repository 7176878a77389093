package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Gemm} against a naive float64-accumulating reference: every transpose case, dtype, edge size and view. */
class GemmTest {
    private static final int[] SIZES = {1, 3, 15, 16, 17, 31, 33};
    private static final int[][] MIXED = {
        {1, 257, 33}, {257, 1, 33}, {33, 17, 257}, {100, 50, 784}, {784, 50, 100}, {100, 784, 50}, {100, 10, 50},
        {257, 100, 33}, {300, 30, 25}, {70, 257, 100}, {2, 200, 3}, {97, 49, 64}, {65, 64, 300},
    };
    private static final double[][] ALPHA_BETA = {{1, 0}, {0.5, 2}, {-1.5, 1}, {2, 0}, {0, 0.5}, {0, 0}};

    private final int savedThreads = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(savedThreads);
    }

    /** A stored matrix with a row stride and an offset into a larger array, filled around it with garbage. */
    private record Stored(double[] values, int off, int ld, int rows, int cols) {
        static Stored random(Random rng, int rows, int cols, int pad, int off) {
            int ld = cols + pad;
            double[] v = new double[off + rows * ld + 5];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble() * 2 - 1;
            }
            return new Stored(v, off, ld, rows, cols);
        }

        double at(int i, int j) {
            return values[off + i * ld + j];
        }

        float[] floats() {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return f;
        }

        /** Rounds the values to float32 so the reference sees exactly what the float kernel sees. */
        Stored roundedToFloat() {
            double[] r = new double[values.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) values[i];
            }
            return new Stored(r, off, ld, rows, cols);
        }
    }

    /** One case: computes with the kernel under test and checks every element against the float64 reference. */
    private static void check(boolean f32, boolean ta, boolean tb, int m, int n, int k, double alpha, double beta,
                              Random rng, int pad) {
        Stored a = Stored.random(rng, ta ? k : m, ta ? m : k, pad, pad * 3);
        Stored b = Stored.random(rng, tb ? n : k, tb ? k : n, pad, pad);
        Stored c = Stored.random(rng, m, n, pad, pad * 2);
        if (f32) {
            a = a.roundedToFloat();
            b = b.roundedToFloat();
            c = c.roundedToFloat();
        }
        if (beta == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c.values[c.off + i * c.ld + j] = Double.NaN; // must be ignored
                }
            }
        }
        double[] got = new double[c.values.length];
        if (f32) {
            float[] cf = c.floats();
            Gemm.sgemm(ta, tb, m, n, k, (float) alpha, a.floats(), a.off, a.ld, b.floats(), b.off, b.ld,
                    (float) beta, cf, c.off, c.ld);
            for (int i = 0; i < got.length; i++) {
                got[i] = cf[i];
            }
        } else {
            got = c.values.clone();
            Gemm.dgemm(ta, tb, m, n, k, alpha, a.values, a.off, a.ld, b.values, b.off, b.ld, beta, got, c.off,
                    c.ld);
        }
        double eps = f32 ? 0x1p-24 : 0x1p-53;
        String name = (f32 ? "sgemm " : "dgemm ") + (ta ? "T" : "N") + (tb ? "T" : "N") + " " + m + "x" + n + "x"
                + k + " alpha " + alpha + " beta " + beta + " pad " + pad;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double x = (ta ? a.at(p, i) : a.at(i, p)) * (tb ? b.at(j, p) : b.at(p, j));
                    sum += x;
                    magnitude += Math.abs(x);
                }
                double old = c.at(i, j);
                double want = alpha * sum + (beta == 0 ? 0 : beta * old);
                double bound = (k + 4) * eps * (Math.abs(alpha) * magnitude + (beta == 0 ? 0 : Math.abs(beta * old)))
                        + 1e-300;
                double have = got[c.off + i * c.ld + j];
                if (!(Math.abs(have - want) <= bound)) {
                    throw new AssertionError(name + ": C[" + i + "][" + j + "] = " + have + ", expected " + want
                            + " ± " + bound);
                }
            }
        }
        // Nothing outside C may change (padding between rows, before and after).
        for (int idx = 0; idx < got.length; idx++) {
            int rel = idx - c.off;
            boolean inside = rel >= 0 && rel < m * c.ld && rel % c.ld < n;
            if (!inside) {
                double before = f32 ? (float) c.values[idx] : c.values[idx];
                assertEquals(before, got[idx], 0.0, name + ": element " + idx + " outside C changed");
            }
        }
    }

    @Test
    void allTransposeCasesAndEdgeSizesMatchTheReference() {
        Random rng = new Random(1);
        for (boolean f32 : new boolean[] {true, false}) {
            for (int t = 0; t < 4; t++) {
                for (int m : SIZES) {
                    for (int n : SIZES) {
                        for (int k : SIZES) {
                            double[] ab = ALPHA_BETA[(m + n + k + t) % ALPHA_BETA.length];
                            check(f32, (t & 1) != 0, (t & 2) != 0, m, n, k, ab[0], ab[1], rng, (m + k) % 3);
                        }
                    }
                }
            }
        }
    }

    @Test
    void mixedAndBookShapesMatchTheReference() {
        Random rng = new Random(2);
        for (boolean f32 : new boolean[] {true, false}) {
            for (int t = 0; t < 4; t++) {
                for (int[] s : MIXED) {
                    double[] ab = ALPHA_BETA[(s[0] + t) % 4];
                    check(f32, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], ab[0], ab[1], rng, t % 2 * 7);
                }
            }
        }
    }

    @Test
    void everyAlphaBetaVariantOnEveryTransposeCase() {
        Random rng = new Random(3);
        for (boolean f32 : new boolean[] {true, false}) {
            for (int t = 0; t < 4; t++) {
                for (double[] ab : ALPHA_BETA) {
                    check(f32, (t & 1) != 0, (t & 2) != 0, 37, 70, 300, ab[0], ab[1], rng, 2);
                    check(f32, (t & 1) != 0, (t & 2) != 0, 5, 1, 0, ab[0], ab[1], rng, 1);
                }
            }
        }
    }

    @Test
    void resultsAreBitwiseTheSameForAnyThreadCount() {
        int[][] shapes = {{257, 257, 257}, {100, 50, 784}, {784, 50, 100}, {100, 784, 50}, {600, 30, 25},
            {40, 1000, 300}};
        Random rng = new Random(4);
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                for (DType dtype : DType.values()) {
                    Tensor a = Tensor.randn(rng, dtype, ta ? s[2] : s[0], ta ? s[0] : s[2]);
                    Tensor b = Tensor.randn(rng, dtype, tb ? s[1] : s[2], tb ? s[2] : s[1]);
                    Tensor c0 = Tensor.randn(rng, dtype, s[0], s[1]);
                    Tensor first = null;
                    for (int threads : new int[] {1, 2, 3}) {
                        Parallelism.setThreads(threads);
                        Tensor c = c0.copy();
                        Gemm.gemm(ta, tb, 0.75, a, b, 0.5, c);
                        if (first == null) {
                            first = c;
                        } else {
                            assertEquals(first, c, "gemm " + s[0] + "x" + s[1] + "x" + s[2] + " trans " + t + " "
                                    + dtype + " differs with " + threads + " threads");
                        }
                    }
                }
            }
        }
    }

    @Test
    void plainLoopsUsedDuringJitWarmUpGiveTheKernelsBits() {
        int[][] shapes = {{37, 50, 300}, {100, 10, 50}, {20, 30, 25}, {9, 100, 17}, {13, 64, 7}};
        Random rng = new Random(7);
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                for (DType dtype : DType.values()) {
                    Tensor a = Tensor.randn(rng, dtype, ta ? s[2] : s[0], ta ? s[0] : s[2]);
                    Tensor b = Tensor.randn(rng, dtype, tb ? s[1] : s[2], tb ? s[2] : s[1]);
                    Tensor c0 = Tensor.randn(rng, dtype, s[0], s[1]);
                    double beta = t == 1 ? 0 : 0.5;
                    Tensor plain = c0.copy();
                    try {
                        dev.dlfs.tensor.internal.FloatGemm.usePlainLoops(true);
                        dev.dlfs.tensor.internal.DoubleGemm.usePlainLoops(true);
                        Gemm.gemm(ta, tb, -1.25, a, b, beta, plain);
                    } finally {
                        dev.dlfs.tensor.internal.FloatGemm.usePlainLoops(false);
                        dev.dlfs.tensor.internal.DoubleGemm.usePlainLoops(false);
                    }
                    Tensor kernels = c0.copy();
                    for (int warm = 0; warm < 3; warm++) {
                        kernels = c0.copy();
                        Gemm.gemm(ta, tb, -1.25, a, b, beta, kernels);
                    }
                    assertEquals(plain, kernels, "shape " + java.util.Arrays.toString(s) + " trans " + t + " " + dtype);
                }
            }
        }
    }

    @Test
    void tensorFormWorksOnViewsWithOffsets() {
        Random rng = new Random(5);
        Tensor bigA = Tensor.randn(rng, DType.FLOAT64, 10, 7);
        Tensor bigB = Tensor.randn(rng, DType.FLOAT64, 9, 5);
        Tensor bigC = Tensor.zeros(DType.FLOAT64, 8, 5);
        Tensor a = bigA.rows(3, 7);     // 4×7, offset 21
        Tensor b = bigB.rows(2, 9);     // 7×5, offset 10
        Tensor c = bigC.rows(4, 8);     // 4×5, offset 20
        Gemm.gemm(false, false, 1, a, b, 0, c);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                double want = 0;
                for (int p = 0; p < 7; p++) {
                    want += bigA.get(3 + i, p) * bigB.get(2 + p, j);
                }
                assertEquals(want, bigC.get(4 + i, j), 1e-12);
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(0.0, bigC.get(i, j), "rows before the view must stay untouched");
            }
        }
        // A view stored 7×4 used transposed (4×7), B stored 5×7 used transposed (7×5), C a view again.
        Tensor at = bigA.reshape(70).rows(5, 33).reshape(7, 4);
        Tensor bt = bigB.reshape(45).rows(9, 44).reshape(5, 7);
        Gemm.gemm(true, true, 2, at, bt, 0, c);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                double want = 0;
                for (int p = 0; p < 7; p++) {
                    want += at.get(p, i) * bt.get(j, p);
                }
                assertEquals(2 * want, c.get(i, j), 1e-12);
            }
        }
    }

    @Test
    void matmulOfTensorsMatchesTheReferenceInBothDtypes() {
        Random rng = new Random(6);
        for (DType dtype : DType.values()) {
            Tensor a = Tensor.randn(rng, dtype, 33, 17);
            Tensor b = Tensor.randn(rng, dtype, 17, 31);
            Tensor c = Gemm.matmul(a, b);
            assertEquals(dtype, c.dtype());
            assertArrayEquals(new int[] {33, 31}, c.shape());
            for (int i = 0; i < 33; i++) {
                for (int j = 0; j < 31; j++) {
                    double want = 0;
                    for (int p = 0; p < 17; p++) {
                        want += a.get(i, p) * b.get(p, j);
                    }
                    assertEquals(want, c.get(i, j), dtype == DType.FLOAT32 ? 1e-4 : 1e-12);
                }
            }
        }
    }

    @Test
    void shapeAndDtypeErrorsNameTheOperationAndShapes() {
        Tensor x = Tensor.zeros(100, 784);
        Tensor w = Tensor.zeros(500, 50);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gemm.matmul(x, w));
        assertEquals("matmul: (100, 784) · (500, 50): inner dimensions 784 ≠ 500", e.getMessage());

        Tensor a = Tensor.zeros(3, 2);
        Tensor b = Tensor.zeros(2, 5);
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 1, a, b, 0, Tensor.zeros(3, 4)));
        assertEquals("gemm: C has shape (3, 4) but op(A)·op(B) is (3, 5)", e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(true, false, 1, a, b, 0, Tensor.zeros(2, 5)));
        assertEquals("gemm: (3, 2)ᵀ · (2, 5): inner dimensions 3 ≠ 2", e.getMessage());

        Tensor bd = Tensor.zeros(DType.FLOAT64, 2, 5);
        e = assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(false, false, 1, a, bd, 0,
                Tensor.zeros(3, 5)));
        assertTrue(e.getMessage().startsWith("gemm: dtypes differ: float32(3, 2) · float64(2, 5)"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(false, false, 1, a, b, 0,
                Tensor.zeros(DType.FLOAT64, 3, 5)));
        assertEquals("gemm: dtypes differ: A and B are float32, C is float64", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Gemm.matmul(Tensor.zeros(3), b));
        assertEquals("matmul: operands must be 2-D, got (3,) · (2, 5)", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, false, 2, 2, 2, 1f,
                new float[3], 0, 2, new float[4], 0, 2, 0f, new float[4], 0, 2));
        assertEquals("sgemm: stored A (2×2, offset 0, row stride 2) does not fit in an array of 3 elements",
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Gemm.dgemm(false, true, 2, 3, 4, 1,
                new double[8], 0, 4, new double[12], 0, 3, 0, new double[6], 0, 3));
        assertEquals("dgemm: ldb = 3 is less than the 4 columns of stored B (3×4)", e.getMessage());
    }

    @Test
    void threadCountIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.setThreads(0));
        assertEquals("setThreads: thread count must be at least 1, got 0", e.getMessage());
        Parallelism.setThreads(3);
        assertEquals(3, Parallelism.threads());
    }
}
