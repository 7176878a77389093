package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.PoolingKernels.Geometry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Max and average pooling against a plain loop over each window, padding counted as zeros, for odd plane sizes,
 * strides that leave pixels out, and both dtypes; and the checks of their operands.
 */
class PoolingKernelsTest {
    /**
     * Window h, w, stride h, w, pad h, w, image h, w, planes. Unpadded cases take the vector loops: one plane shorter
     * than a vector, planes that end inside a vector, more planes than one table holds; backward passes take them
     * where windows are disjoint (strides at least the window, some leaving pixels out).
     */
    private static final int[][] CASES = {{2, 2, 2, 2, 0, 0, 4, 6, 3}, {3, 3, 2, 2, 1, 1, 7, 9, 3},
        {2, 3, 1, 2, 1, 0, 5, 11, 3}, {3, 2, 3, 1, 0, 1, 10, 3, 3}, {3, 2, 3, 1, 0, 0, 10, 3, 5},
        {2, 2, 2, 2, 0, 0, 7, 7, 1}, {2, 2, 2, 2, 0, 0, 24, 24, 61}, {3, 3, 1, 1, 0, 0, 5, 6, 7},
        {2, 2, 3, 3, 0, 0, 8, 8, 4}, {3, 3, 3, 3, 0, 0, 9, 9, 5}, {1, 2, 2, 2, 0, 0, 5, 8, 9},
        {2, 2, 2, 2, 0, 0, 28, 28, 131}, {3, 3, 2, 2, 0, 0, 27, 27, 90}};

    private static Geometry geometry(int[] c) {
        return new Geometry(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], (c[6] + 2 * c[4] - c[0]) / c[2] + 1,
                (c[7] + 2 * c[5] - c[1]) / c[3] + 1);
    }

    /** The value at (iy, ix) of plane p, or 0 in the padding. */
    private static double at(Tensor x, Geometry g, int p, int iy, int ix) {
        boolean inside = iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w();
        return inside ? x.getFlat((p * g.h() + iy) * g.w() + ix) : 0;
    }

    @Test
    void maxAndAverageMatchAPlainLoopOverEachWindow() {
        matchAPlainLoopOverEachWindow();
    }

    /** The last cases are large enough to be cut into ranges of planes for several threads. */
    @Test
    void planesCutForSeveralThreadsGiveThePlainLoopsResults() {
        int before = Parallelism.threads();
        try {
            for (int threads : new int[] {1, 3}) {
                Parallelism.setThreads(threads);
                matchAPlainLoopOverEachWindow();
            }
        } finally {
            Parallelism.setThreads(before);
        }
    }

    private static void matchAPlainLoopOverEachWindow() {
        for (DType dtype : DType.values()) {
            for (int[] c : CASES) {
                Geometry g = geometry(c);
                int planes = c[8];
                Tensor x = Tensor.randn(new SplittableRandom(c[6] * c[7]), dtype, planes, g.h(), g.w());
                x.setFlat(x.size() / 2, Double.NaN);        // a NaN wins its windows
                x.setFlat(1, x.getFlat(0));                 // ties go to the first
                Tensor max = Tensor.zeros(dtype, planes, g.oh(), g.ow());
                Tensor avg = Tensor.zeros(dtype, planes, g.oh(), g.ow());
                int[] argmax = new int[max.size()];
                PoolingKernels.Scratch scratch = new PoolingKernels.Scratch();
                PoolingKernels.maxForward(x, max, argmax, scratch, planes, g);
                PoolingKernels.averageForward(x, avg, scratch, planes, g);
                Tensor dout = Tensor.randn(new SplittableRandom(7), dtype, planes, g.oh(), g.ow());
                Tensor dxMax = Tensor.full(dtype, 9, x.shape());    // backward must overwrite every element
                Tensor dxAvg = Tensor.full(dtype, 9, x.shape());
                PoolingKernels.maxBackward(dout, argmax, dxMax, planes, g);
                PoolingKernels.averageBackward(dout, dxAvg, scratch, planes, g);
                double[] wantMax = new double[x.size()];
                double[] wantAvg = new double[x.size()];
                for (int p = 0, o = 0; p < planes; p++) {
                    for (int oy = 0; oy < g.oh(); oy++) {
                        for (int ox = 0; ox < g.ow(); ox++, o++) {
                            double best = Double.NEGATIVE_INFINITY;
                            int arg = -1;
                            double sum = 0;
                            for (int ky = 0; ky < g.ph(); ky++) {
                                for (int kx = 0; kx < g.pw(); kx++) {
                                    int iy = oy * g.sh() - g.padH() + ky;
                                    int ix = ox * g.sw() - g.padW() + kx;
                                    double v = at(x, g, p, iy, ix);
                                    boolean inside = iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w();
                                    if (v > best || Double.isNaN(v) && !Double.isNaN(best)) {
                                        best = v;
                                        arg = inside ? (p * g.h() + iy) * g.w() + ix : -1;
                                    }
                                    sum += v;
                                    if (inside) {
                                        wantAvg[(p * g.h() + iy) * g.w() + ix] += dout.getFlat(o) / (g.ph() * g.pw());
                                    }
                                }
                            }
                            String where = dtype + " case " + java.util.Arrays.toString(c) + " output " + o;
                            assertEquals(best, max.getFlat(o), where);
                            assertEquals(arg, argmax[o], where);
                            assertEquals(sum / (g.ph() * g.pw()), avg.getFlat(o), dtype == DType.FLOAT32 ? 1e-6 : 1e-14,
                                    where);
                            if (arg >= 0) {
                                wantMax[arg] += dout.getFlat(o);
                            }
                        }
                    }
                }
                for (int i = 0; i < x.size(); i++) {
                    double tolerance = dtype == DType.FLOAT32 ? 1e-6 : 1e-14;
                    if (g.disjoint()) {
                        // One gradient per pixel at most: exactly that value (a -0 gradient lands as 0 + -0 = +0).
                        assertEquals(wantMax[i] + 0.0, dxMax.getFlat(i), "max backward at " + i);
                    }
                    assertEquals(wantMax[i], dxMax.getFlat(i), tolerance, "max backward at " + i);
                    assertEquals(wantAvg[i], dxAvg.getFlat(i), tolerance, "average backward at " + i);
                }
            }
        }
    }

    @Test
    void operandsThatDoNotFitAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Geometry(2, 2, 2, 2, 0, 0, 4, 4, 3, 2));
        assertTrue(e.getMessage().contains("does not give 3×2 outputs from 4×4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Geometry(2, 2, 2, 2, 0, 2, 4, 4, 2, 4));
        Geometry g = new Geometry(2, 2, 2, 2, 0, 0, 4, 4, 2, 2);
        PoolingKernels.Scratch scratch = new PoolingKernels.Scratch();
        Tensor x = Tensor.zeros(DType.FLOAT32, 3, 4, 4);
        e = assertThrows(IllegalArgumentException.class,
                () -> PoolingKernels.averageForward(x, Tensor.zeros(DType.FLOAT64, 3, 2, 2), scratch, 3, g));
        assertTrue(e.getMessage().contains("must have the same dtype"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PoolingKernels.averageForward(x, Tensor.zeros(DType.FLOAT32, 2, 2, 2), scratch, 3, g));
        assertTrue(e.getMessage().contains("are not 3 planes of 4×4 and 2×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PoolingKernels.maxForward(x,
                Tensor.zeros(DType.FLOAT32, 3, 2, 2), new int[11], scratch, 3, g));
        assertTrue(e.getMessage().contains("argmax holds 11, need at least 12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PoolingKernels.maxBackward(Tensor.zeros(DType.FLOAT32, 3, 2, 2), new int[4], x, 3, g));
        assertTrue(e.getMessage().contains("4 winners"), e.getMessage());
    }
}
