package dev.dlfs.layers.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row and block operations of the affine and convolution layers: bias broadcast, bias gradients, and the moves
 * between a convolution's (C, N·P) gemm layout and NCHW's (N, C, P).
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

    /** {@code out[r] = Σ_j m[r][j]} for m of rows × cols (a convolution's bias gradient from its (FN, N·P) form). */
    public static void rowSums(Tensor m, int rows, int cols, Tensor out) {
        int mo = m.offset();
        for (int r = 0; r < rows; r++) {
            out.setFlat(r, m.dtype() == DType.FLOAT32 ? sum(m.floatArray(), mo + r * cols, cols)
                    : sum(m.doubleArray(), mo + r * cols, cols));
        }
    }

    private static double sum(float[] a, int from, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int end = F.loopBound(n); i < end; i += F.length()) {
            acc = acc.add(FloatVector.fromArray(F, a, from + i));
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[from + i];
        }
        return s;
    }

    private static double sum(double[] a, int from, int n) {
        DoubleVector acc = DoubleVector.zero(D);
        int i = 0;
        for (int end = D.loopBound(n); i < end; i += D.length()) {
            acc = acc.add(DoubleVector.fromArray(D, a, from + i));
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[from + i];
        }
        return s;
    }

    /**
     * NCHW from a convolution's (C, N·P) product: {@code y[n][c][p] = m[c][n·P + p] + bias[c]}. Each run of P
     * values moves as one block.
     */
    public static void planesFromRows(Tensor m, Tensor bias, Tensor y, int batch, int channels, int plane) {
        int mo = m.offset();
        int yo = y.offset();
        boolean f32 = m.dtype() == DType.FLOAT32;
        for (int c = 0; c < channels; c++) {
            double b = bias.getFlat(c);
            for (int n = 0; n < batch; n++) {
                int from = mo + (c * batch + n) * plane;
                int to = yo + (n * channels + c) * plane;
                if (f32) {
                    addScalar(m.floatArray(), from, (float) b, y.floatArray(), to, plane);
                } else {
                    addScalar(m.doubleArray(), from, b, y.doubleArray(), to, plane);
                }
            }
        }
    }

    /** The reverse move without bias: {@code m[c][n·P + p] = y[n][c][p]}. */
    public static void rowsFromPlanes(Tensor y, Tensor m, int batch, int channels, int plane) {
        int mo = m.offset();
        int yo = y.offset();
        boolean f32 = m.dtype() == DType.FLOAT32;
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int from = yo + (n * channels + c) * plane;
                int to = mo + (c * batch + n) * plane;
                if (f32) {
                    System.arraycopy(y.floatArray(), from, m.floatArray(), to, plane);
                } else {
                    System.arraycopy(y.doubleArray(), from, m.doubleArray(), to, plane);
                }
            }
        }
    }

    private static void addScalar(float[] a, int from, float b, float[] out, int to, int n) {
        int i = 0;
        for (int end = F.loopBound(n); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, from + i).add(b).intoArray(out, to + i);
        }
        for (; i < n; i++) {
            out[to + i] = a[from + i] + b;
        }
    }

    private static void addScalar(double[] a, int from, double b, double[] out, int to, int n) {
        int i = 0;
        for (int end = D.loopBound(n); i < end; i += D.length()) {
            DoubleVector.fromArray(D, a, from + i).add(b).intoArray(out, to + i);
        }
        for (; i < n; i++) {
            out[to + i] = a[from + i] + b;
        }
    }
}
