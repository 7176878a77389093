package dev.dlfs.tensor;

import dev.dlfs.tensor.internal.DoubleGemm;
import dev.dlfs.tensor.internal.FloatGemm;
import dev.dlfs.tensor.internal.KernelWarmUp;
import dev.dlfs.tensor.internal.TilePlan;

/**
 * General matrix multiply: {@code C = alpha·op(A)·op(B) + beta·C}, where {@code op(X)} is X or its transpose.
 *
 * <p>Matrices are row-major: element (i, j) of a matrix stored at offset {@code off} with row stride {@code ld}
 * is {@code array[off + i·ld + j]}. C is m×n, op(A) is m×k and op(B) is k×n; with {@code transA} A is stored k×m,
 * with {@code transB} B is stored n×k. Backpropagation uses the flags for Aᵀ·B and A·Bᵀ without copying a
 * transpose.
 *
 * <p>When {@code beta == 0}, C is only written, never read (NaN or garbage in C does not leak into the result);
 * when {@code alpha == 0}, A and B are not read. Results are bitwise the same for any {@link Parallelism} setting.
 */
public final class Gemm {
    private Gemm() {
    }

    /**
     * One line saying how products run on this machine: vector width, register file and the register tiles chosen
     * for it, and whether that was detected or set (system property {@code dlfs.gemm.registers} or environment
     * variable {@code DLFS_GEMM_REGISTERS}, 16 or 32).
     *
     * @throws IllegalArgumentException if that setting is not 16 or 32
     */
    public static String kernels() {
        return TilePlan.describe();
    }

    /**
     * Starts compiling the product kernels of {@code dtype} in the background, so that the first large product runs
     * at full speed; returns at once. The first product of a dtype starts it anyway, and a network starts it when it is
     * built; a program that reads its data first gains about a second on MNIST by calling this before (as
     * {@code dlfs train} does). Results do not depend on it.
     */
    public static void warmUp(DType dtype) {
        KernelWarmUp.start(dtype == DType.FLOAT32);
    }

    /** float32 gemm on raw arrays; see the class comment for the layout. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        checkSizes("sgemm", m, n, k);
        checkOperand("sgemm", "A", transA ? k : m, transA ? m : k, a.length, aOff, lda);
        checkOperand("sgemm", "B", transB ? n : k, transB ? k : n, b.length, bOff, ldb);
        checkOperand("sgemm", "C", m, n, c.length, cOff, ldc);
        FloatGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                Parallelism.threads());
    }

    /** float64 gemm on raw arrays; see the class comment for the layout. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        checkSizes("dgemm", m, n, k);
        checkOperand("dgemm", "A", transA ? k : m, transA ? m : k, a.length, aOff, lda);
        checkOperand("dgemm", "B", transB ? n : k, transB ? k : n, b.length, bOff, ldb);
        checkOperand("dgemm", "C", m, n, c.length, cOff, ldc);
        DoubleGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                Parallelism.threads());
    }

    /**
     * {@code c = alpha·op(a)·op(b) + beta·c} on 2-D tensors of one dtype (views included).
     *
     * @throws IllegalArgumentException naming the shapes if they do not fit or the dtypes differ
     */
    public static void gemm(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta, Tensor c) {
        gemm("gemm", transA, transB, alpha, a, b, beta, c);
    }

    /** {@code a·b} as a new tensor (2-D, one dtype); errors are reported as {@code matmul}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        checkProduct("matmul", false, false, a, b);
        Tensor c = Tensor.zeros(a.dtype(), a.dim(0), b.dim(1));
        gemm("matmul", false, false, 1.0, a, b, 0.0, c);
        return c;
    }

    /** {@code out = a·b} (2-D, one dtype); returns {@code out}. Errors are reported as {@code matmul}. */
    public static Tensor matmul(Tensor a, Tensor b, Tensor out) {
        gemm("matmul", false, false, 1.0, a, b, 0.0, out);
        return out;
    }

    private static void gemm(String op, boolean transA, boolean transB, double alpha, Tensor a, Tensor b,
                             double beta, Tensor c) {
        checkProduct(op, transA, transB, a, b);
        if (c.rank() != 2) {
            throw new IllegalArgumentException(op + ": C must be 2-D, got shape " + Shapes.format(c.shape()));
        }
        if (c.dtype() != a.dtype()) {
            throw new IllegalArgumentException(op + ": dtypes differ: A and B are " + a.dtype() + ", C is "
                    + c.dtype());
        }
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int n = transB ? b.dim(0) : b.dim(1);
        if (c.dim(0) != m || c.dim(1) != n) {
            throw new IllegalArgumentException(op + ": C has shape " + Shapes.format(c.shape())
                    + " but op(A)·op(B) is " + Shapes.format(m, n));
        }
        int lda = a.dim(1);
        int ldb = b.dim(1);
        int ldc = c.dim(1);
        if (a.dtype() == DType.FLOAT32) {
            FloatGemm.gemm(transA, transB, m, n, k, (float) alpha, a.floatArray(), a.offset(), lda,
                    b.floatArray(), b.offset(), ldb, (float) beta, c.floatArray(), c.offset(), ldc,
                    Parallelism.threads());
        } else {
            DoubleGemm.gemm(transA, transB, m, n, k, alpha, a.doubleArray(), a.offset(), lda,
                    b.doubleArray(), b.offset(), ldb, beta, c.doubleArray(), c.offset(), ldc,
                    Parallelism.threads());
        }
    }

    private static void checkProduct(String op, boolean transA, boolean transB, Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException(op + ": operands must be 2-D, got " + Shapes.format(a.shape())
                    + " · " + Shapes.format(b.shape()));
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": dtypes differ: " + a.describe() + " · " + b.describe()
                    + " (convert one with to(dtype))");
        }
        int ka = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        if (ka != kb) {
            throw new IllegalArgumentException(op + ": " + Shapes.format(a.shape()) + (transA ? "ᵀ" : "") + " · "
                    + Shapes.format(b.shape()) + (transB ? "ᵀ" : "") + ": inner dimensions " + ka + " ≠ " + kb);
        }
    }

    private static void checkSizes(String op, int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": negative size m=" + m + ", n=" + n + ", k=" + k);
        }
    }

    private static void checkOperand(String op, String name, int rows, int cols, int length, int off, int ld) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(op + ": ld" + name.toLowerCase(java.util.Locale.ROOT) + " = " + ld
                    + " is less than the " + cols + " columns of stored " + name + " (" + rows + "×" + cols + ")");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || last >= length) {
            throw new IllegalArgumentException(op + ": stored " + name + " (" + rows + "×" + cols + ", offset " + off
                    + ", row stride " + ld + ") does not fit in an array of " + length + " elements");
        }
    }
}
