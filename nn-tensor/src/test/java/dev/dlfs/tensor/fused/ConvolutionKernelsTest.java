package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.Im2col;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.ConvolutionKernels.Geometry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The image-by-image convolution against two independent references: the definition as plain float64 loops over
 * every output, filter position and channel, and the book's whole-batch route (im2col of the batch, one product, the
 * rows moved to NCHW, col2im), whose forward values it must give bit for bit, and its input gradients too where the
 * stride is above 1 (at stride 1 the input gradient is a convolution of its own).
 */
class ConvolutionKernelsTest {
    /**
     * {N, C, H, W, FN, FH, FW, sh, sw, ph, pw}: odd batches (groups of 4 and a rest), per-axis strides and pads, and a
     * pad as large as the filter (whose stride-1 input gradient takes col2im).
     */
    private static final int[][] CASES = {
        {1, 1, 5, 5, 2, 3, 3, 1, 1, 0, 0},
        {5, 2, 6, 7, 3, 3, 2, 1, 1, 1, 0},
        {9, 3, 8, 6, 4, 3, 3, 2, 1, 1, 2},
        {4, 1, 28, 28, 30, 5, 5, 1, 1, 0, 0},
        {3, 16, 7, 7, 5, 3, 3, 1, 1, 1, 1},
        {2, 2, 9, 9, 3, 1, 1, 3, 2, 0, 1},
        {3, 2, 9, 9, 3, 3, 3, 2, 2, 1, 1},
        {2, 2, 5, 5, 3, 1, 1, 1, 1, 1, 1},
        // "same" convolutions, whose column matrices are read from the image as the product packs them: many
        // strips of a plane, and unequal filter sides and pads
        {3, 4, 28, 28, 16, 3, 3, 1, 1, 1, 1},
        {2, 3, 10, 13, 4, 5, 3, 1, 1, 2, 1},
        // padded more than "same" needs: the image is placed on a canvas of zeros first (DeepConvNet's 3×3 with pad
        // 2, and one axis at a time)
        {5, 4, 14, 14, 8, 3, 3, 1, 1, 2, 2},
        {2, 3, 9, 11, 4, 5, 3, 1, 1, 2, 3},
    };

    @Test
    void forwardAndBackwardMatchTheDefinitionInFloat64() {
        for (DType dtype : DType.values()) {
            for (int[] c : CASES) {
                Run r = new Run(dtype, c, 11);
                double tol = dtype == DType.FLOAT32 ? 1e-4 : 1e-11;
                assertClose(definitionForward(r), r.y, tol, dtype + " y of " + r);
                double[][] grads = definitionBackward(r);
                assertClose(grads[0], r.dw, tol, dtype + " dW of " + r);
                assertClose(grads[1], r.dx, tol, dtype + " dx of " + r);
            }
        }
    }

    @Test
    void outputsAndStridedInputGradientsHaveTheBitsOfTheBooksWholeBatchRoute() {
        for (DType dtype : DType.values()) {
            for (int[] c : CASES) {
                if (c[7] != c[8] || c[9] != c[10]) {
                    continue; // the book's im2col has one stride and one pad
                }
                boolean strided = c[7] > 1; // at stride 1 dx is a convolution of its own, summed in another order
                Run r = new Run(dtype, c, 12);
                Tensor col = Im2col.im2col(r.x, c[5], c[6], c[7], c[9]);
                int plane = r.g.plane();
                int k = r.g.k();
                Tensor rows = Tensor.zeros(dtype, c[0] * plane, c[4]);
                Gemm.gemm(false, true, 1.0, col, r.w.reshape(c[4], k), 0.0, rows);
                Tensor dyRows = Tensor.zeros(dtype, c[0] * plane, c[4]);
                for (int i = 0; i < c[0]; i++) {
                    for (int f = 0; f < c[4]; f++) {
                        for (int p = 0; p < plane; p++) {
                            int at = (i * c[4] + f) * plane + p;
                            Tensor want = Tensor.scalar(dtype, rows.get(i * plane + p, f))
                                    .add(Tensor.scalar(dtype, r.b.getFlat(f)));
                            assertEquals(want.item(), r.y.getFlat(at), dtype + " y of " + r + " at " + at);
                            dyRows.set(r.dy.getFlat(at), i * plane + p, f);
                        }
                    }
                }
                Tensor dcol = Tensor.zeros(dtype, c[0] * plane, k);
                Gemm.gemm(false, false, 1.0, dyRows, r.w.reshape(c[4], k), 0.0, dcol);
                Tensor dx = Im2col.col2im(dcol, r.x.shape(), c[5], c[6], c[7], c[9]);
                assertTrue(!strided || dx.equals(r.dx), dtype + " dx of " + r);
            }
        }
    }

    @Test
    void resultsHaveTheSameBitsForEveryThreadCount() {
        int before = Parallelism.threads();
        try {
            for (DType dtype : DType.values()) {
                int[] c = {37, 3, 12, 12, 8, 3, 3, 1, 1, 1, 1};
                Parallelism.setThreads(1);
                Run one = new Run(dtype, c, 13);
                for (int threads : new int[] {2, 3, 5}) {
                    Parallelism.setThreads(threads);
                    Run many = new Run(dtype, c, 13);
                    assertTrue(one.y.equals(many.y), dtype + " y with " + threads + " threads");
                    assertTrue(one.dw.equals(many.dw), dtype + " dW with " + threads + " threads");
                    assertTrue(one.db.equals(many.db), dtype + " db with " + threads + " threads");
                    assertTrue(one.dx.equals(many.dx), dtype + " dx with " + threads + " threads");
                }
            }
        } finally {
            Parallelism.setThreads(before);
        }
    }

    @Test
    void withoutAnInputGradientTheFilterGradientIsTheSame() {
        Run r = new Run(DType.FLOAT32, CASES[2], 14);
        Tensor dw = Tensor.zerosLike(r.w);
        Tensor db = Tensor.zerosLike(r.b);
        ConvolutionKernels.backward(r.x, r.w, r.dy, r.g, dw, db, null);
        assertTrue(dw.equals(r.dw) && db.equals(r.db));
    }

    @Test
    void geometryAndShapesThatDoNotFitAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Geometry(1, 4, 4, 5, 5, 1, 1, 0, 0));
        assertTrue(e.getMessage().contains("does not fit an input of 4"), e.getMessage());
        Geometry g = new Geometry(2, 6, 6, 3, 3, 1, 1, 1, 1);
        assertArrayEquals(new int[] {6, 6}, new int[] {g.oh(), g.ow()});
        Tensor x = Tensor.zeros(DType.FLOAT32, 3, 2, 6, 6);
        Tensor w = Tensor.zeros(DType.FLOAT32, 4, 2, 3, 3);
        Tensor b = Tensor.zeros(DType.FLOAT32, 4);
        e = assertThrows(IllegalArgumentException.class, () -> ConvolutionKernels.forward(
                Tensor.zeros(DType.FLOAT32, 3, 1, 6, 6), w, b, g, Tensor.zeros(DType.FLOAT32, 3, 4, 6, 6)));
        assertTrue(e.getMessage().contains("x is float32(3, 1, 6, 6), expected (N, 2, 6, 6)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvolutionKernels.forward(x, w, b, g,
                Tensor.zeros(DType.FLOAT32, 3, 4, 5, 6)));
        assertTrue(e.getMessage().contains("y is float32(3, 4, 5, 6), expected float32(3, 4, 6, 6)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvolutionKernels.forward(x,
                Tensor.zeros(DType.FLOAT64, 4, 2, 3, 3), b, g, Tensor.zeros(DType.FLOAT32, 3, 4, 6, 6)));
        assertTrue(e.getMessage().contains("filters float64(4, 2, 3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionKernels.channelSums(x, Tensor.zeros(DType.FLOAT32, 3)));
        assertTrue(e.getMessage().contains("(2,)"), e.getMessage());
    }

    /** One forward and backward pass of random data through the kernels. */
    private static final class Run {
        final int[] c;
        final Geometry g;
        final Tensor x;
        final Tensor w;
        final Tensor b;
        final Tensor y;
        final Tensor dy;
        final Tensor dw;
        final Tensor db;
        final Tensor dx;

        Run(DType dtype, int[] c, long seed) {
            this.c = c;
            SplittableRandom rng = new SplittableRandom(seed);
            g = new Geometry(c[1], c[2], c[3], c[5], c[6], c[7], c[8], c[9], c[10]);
            x = Tensor.randn(rng, dtype, c[0], c[1], c[2], c[3]);
            w = Tensor.randn(rng, dtype, c[4], c[1], c[5], c[6]);
            b = Tensor.randn(rng, dtype, c[4]);
            y = ConvolutionKernels.forward(x, w, b, g, Tensor.zeros(dtype, c[0], c[4], g.oh(), g.ow()));
            dy = Tensor.randn(rng, dtype, c[0], c[4], g.oh(), g.ow());
            dw = Tensor.zerosLike(w);
            db = Tensor.zerosLike(b);
            dx = Tensor.zerosLike(x);
            ConvolutionKernels.backward(x, w, dy, g, dw, db, dx);
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(c);
        }
    }

    /** y[n][f][oy][ox] = b[f] + Σ_c Σ_ky Σ_kx W[f][c][ky][kx]·x[n][c][iy][ix], zero outside the image. */
    private static double[] definitionForward(Run r) {
        int[] c = r.c;
        int oh = r.g.oh();
        int ow = r.g.ow();
        double[] y = new double[c[0] * c[4] * oh * ow];
        int o = 0;
        for (int n = 0; n < c[0]; n++) {
            for (int f = 0; f < c[4]; f++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        double s = r.b.getFlat(f);
                        for (int ch = 0; ch < c[1]; ch++) {
                            for (int ky = 0; ky < c[5]; ky++) {
                                for (int kx = 0; kx < c[6]; kx++) {
                                    s += r.w.get(f, ch, ky, kx) * pixel(r, n, ch, oy * c[7] - c[9] + ky,
                                            ox * c[8] - c[10] + kx);
                                }
                            }
                        }
                        y[o] = s;
                    }
                }
            }
        }
        return y;
    }

    /** {dW, dx}: every product of the forward definition, differentiated term by term. */
    private static double[][] definitionBackward(Run r) {
        int[] c = r.c;
        double[] dw = new double[r.w.size()];
        double[] dx = new double[r.x.size()];
        for (int n = 0; n < c[0]; n++) {
            for (int f = 0; f < c[4]; f++) {
                for (int oy = 0; oy < r.g.oh(); oy++) {
                    for (int ox = 0; ox < r.g.ow(); ox++) {
                        double g = r.dy.get(n, f, oy, ox);
                        for (int ch = 0; ch < c[1]; ch++) {
                            for (int ky = 0; ky < c[5]; ky++) {
                                for (int kx = 0; kx < c[6]; kx++) {
                                    int iy = oy * c[7] - c[9] + ky;
                                    int ix = ox * c[8] - c[10] + kx;
                                    dw[((f * c[1] + ch) * c[5] + ky) * c[6] + kx] += g * pixel(r, n, ch, iy, ix);
                                    if (iy >= 0 && iy < c[2] && ix >= 0 && ix < c[3]) {
                                        dx[((n * c[1] + ch) * c[2] + iy) * c[3] + ix] += g * r.w.get(f, ch, ky, kx);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {dw, dx};
    }

    private static double pixel(Run r, int n, int ch, int iy, int ix) {
        boolean inside = iy >= 0 && iy < r.c[2] && ix >= 0 && ix < r.c[3];
        return inside ? r.x.get(n, ch, iy, ix) : 0;
    }

    private static void assertClose(double[] want, Tensor got, double tol, String what) {
        assertEquals(want.length, got.size(), what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got.getFlat(i), tol * Math.max(1, Math.abs(want[i])), what + " at " + i);
        }
    }
}
