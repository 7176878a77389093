package dev.dlfs.layers.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleSum;
import dev.dlfs.tensor.simd.FloatSum;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row and block operations of the affine and convolution layers: bias broadcast, bias gradient, and the transpose
 * between a convolution's (N·P, C) gemm layout and NCHW's (N, C, P).
 */
public final class Rows {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private Rows() {
    }

    /** Adds {@code v} (length cols) to every row of {@code m} (rows × cols, contiguous), in place. */
    public static void addToRows(Tensor m, Tensor v, int rows, int cols) {
        int mo = m.offset();
        int vo = v.offset();
        if (m.dtype() == DType.FLOAT32) {
            float[] a = m.floatArray();
            float[] b = v.floatArray();
            for (int r = 0; r < rows; r++) {
                int base = mo + r * cols;
                int i = 0;
                for (int end = F.loopBound(cols); i < end; i += F.length()) {
                    FloatVector.fromArray(F, a, base + i).add(FloatVector.fromArray(F, b, vo + i))
                            .intoArray(a, base + i);
                }
                for (; i < cols; i++) {
                    a[base + i] += b[vo + i];
                }
            }
        } else {
            double[] a = m.doubleArray();
            double[] b = v.doubleArray();
            for (int r = 0; r < rows; r++) {
                int base = mo + r * cols;
                int i = 0;
                for (int end = D.loopBound(cols); i < end; i += D.length()) {
                    DoubleVector.fromArray(D, a, base + i).add(DoubleVector.fromArray(D, b, vo + i))
                            .intoArray(a, base + i);
                }
                for (; i < cols; i++) {
                    a[base + i] += b[vo + i];
                }
            }
        }
    }

    /** {@code out[j] = Σ_r m[r][j]} for m of rows × cols (the bias gradient of an affine layer). */
    public static void columnSums(Tensor m, int rows, int cols, Tensor out) {
        out.fill(0);
        int mo = m.offset();
        int oo = out.offset();
        if (m.dtype() == DType.FLOAT32) {
            float[] a = m.floatArray();
            float[] s = out.floatArray();
            for (int r = 0; r < rows; r++) {
                int base = mo + r * cols;
                int i = 0;
                for (int end = F.loopBound(cols); i < end; i += F.length()) {
                    FloatVector.fromArray(F, s, oo + i).add(FloatVector.fromArray(F, a, base + i))
                            .intoArray(s, oo + i);
                }
                for (; i < cols; i++) {
                    s[oo + i] += a[base + i];
                }
            }
        } else {
            double[] a = m.doubleArray();
            double[] s = out.doubleArray();
            for (int r = 0; r < rows; r++) {
                int base = mo + r * cols;
                int i = 0;
                for (int end = D.loopBound(cols); i < end; i += D.length()) {
                    DoubleVector.fromArray(D, s, oo + i).add(DoubleVector.fromArray(D, a, base + i))
                            .intoArray(s, oo + i);
                }
                for (; i < cols; i++) {
                    s[oo + i] += a[base + i];
                }
            }
        }
    }

    /**
     * {@code out[c] = Σ_n Σ_p x[n][c][p]} for x of blocks × channels × plane (a convolution's bias gradient): each
     * plane summed in {@link FloatSum}'s or {@link DoubleSum}'s fixed order, the planes added in float64 in order.
     */
    public static void channelSums(Tensor x, int blocks, int channels, int plane, Tensor out) {
        int xo = x.offset();
        for (int c = 0; c < channels; c++) {
            double total = 0;
            for (int b = 0; b < blocks; b++) {
                total += x.dtype() == DType.FLOAT32
                        ? FloatSum.of(x.floatArray(), xo + (b * channels + c) * plane, plane)
                        : DoubleSum.of(x.doubleArray(), xo + (b * channels + c) * plane, plane);
            }
            out.setFlat(c, total);
        }
    }

    /**
     * {@code dst[b][c][r] = src[b][r][c] + bias[c]} (no bias if null) for {@code blocks} matrices of rows × cols:
     * turns a gemm's (N·P, C) output into NCHW's (N, C, P) with the bias added on the way, or back with rows and
     * cols swapped.
     */
    public static void transposeBlocks(Tensor src, Tensor bias, Tensor dst, int blocks, int rows, int cols) {
        int bo = bias == null ? 0 : bias.offset();
        if (src.dtype() == DType.FLOAT32) {
            transpose(src.floatArray(), src.offset(), bias == null ? null : bias.floatArray(), bo, dst.floatArray(),
                    dst.offset(), blocks, rows, cols);
        } else {
            transpose(src.doubleArray(), src.offset(), bias == null ? null : bias.doubleArray(), bo,
                    dst.doubleArray(), dst.offset(), blocks, rows, cols);
        }
    }

    // Tiles keep both the rows read and the rows written in cache.
    private static final int TILE = 32;

    private static void transpose(float[] src, int so, float[] bias, int bo, float[] dst, int dOff, int blocks,
                                  int rows, int cols) {
        for (int b = 0; b < blocks; b++) {
            int s0 = so + b * rows * cols;
            int d0 = dOff + b * rows * cols;
            for (int r0 = 0; r0 < rows; r0 += TILE) {
                int r1 = Math.min(rows, r0 + TILE);
                for (int c = 0; c < cols; c++) {
                    int dRow = d0 + c * rows;
                    float add = bias == null ? 0 : bias[bo + c];
                    for (int r = r0; r < r1; r++) {
                        dst[dRow + r] = src[s0 + r * cols + c] + add;
                    }
                }
            }
        }
    }

    private static void transpose(double[] src, int so, double[] bias, int bo, double[] dst, int dOff, int blocks,
                                  int rows, int cols) {
        for (int b = 0; b < blocks; b++) {
            int s0 = so + b * rows * cols;
            int d0 = dOff + b * rows * cols;
            for (int r0 = 0; r0 < rows; r0 += TILE) {
                int r1 = Math.min(rows, r0 + TILE);
                for (int c = 0; c < cols; c++) {
                    int dRow = d0 + c * rows;
                    double add = bias == null ? 0 : bias[bo + c];
                    for (int r = r0; r < r1; r++) {
                        dst[dRow + r] = src[s0 + r * cols + c] + add;
                    }
                }
            }
        }
    }
}
