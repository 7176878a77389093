package dev.dlfs.tensor.internal;

/** float64 gemm kernels behind {@code dev.dlfs.tensor.Gemm}; arguments are already checked. */
public final class DoubleGemm {
    private DoubleGemm() {
    }

    /** C = alpha·op(A)·op(B) + beta·C, row-major, on up to {@code threads} threads. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                            double beta, double[] c, int cOff, int ldc, int threads) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0.0 ? 0.0 : beta * c[ci + j];
            }
            if (alpha == 0.0) {
                continue;
            }
            for (int p = 0; p < k; p++) {
                double aip = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                }
            }
        }
    }
}
