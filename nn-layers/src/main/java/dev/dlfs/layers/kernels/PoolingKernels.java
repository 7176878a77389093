package dev.dlfs.layers.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * Max and average pooling over the planes of an NCHW tensor, window by window. Padding counts as zeros, as with
 * the book's im2col: a max over a window that reaches into the padding is at least 0, and an average always divides
 * by the full window size.
 */
public final class PoolingKernels {
    private PoolingKernels() {
    }

    /**
     * One pooling geometry: window ph×pw moved by sh, sw over planes of h×w padded by {@code pad}, giving oh×ow.
     */
    public record Geometry(int ph, int pw, int sh, int sw, int pad, int h, int w, int oh, int ow) {
        int windowSize() {
            return ph * pw;
        }
    }

    /**
     * {@code y} = the window maxima of {@code planes} planes of {@code x}; {@code argmax[o]} = the flat index
     * (from x's first element) of the element that won output o, or −1 if a padding zero did (it wins only when
     * every element of the window inside the image is negative). Ties go to the first element in row-major window
     * order, like NumPy's argmax.
     */
    public static void maxForward(Tensor x, Tensor y, int[] argmax, int planes, Geometry g) {
        if (x.dtype() == DType.FLOAT32) {
            maxForward(x.floatArray(), x.offset(), y.floatArray(), y.offset(), argmax, planes, g);
        } else {
            maxForward(x.doubleArray(), x.offset(), y.doubleArray(), y.offset(), argmax, planes, g);
        }
    }

    private static void maxForward(float[] x, int xo, float[] y, int yo, int[] argmax, int planes, Geometry g) {
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * g.h() * g.w();
            for (int oy = 0; oy < g.oh(); oy++) {
                int y0 = oy * g.sh() - g.pad();
                int ky0 = Math.max(0, -y0);
                int ky1 = Math.min(g.ph(), g.h() - y0);
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    int x0 = ox * g.sw() - g.pad();
                    int kx0 = Math.max(0, -x0);
                    int kx1 = Math.min(g.pw(), g.w() - x0);
                    // Start from the first element so that the loop's test is a plain compare the JIT can turn
                    // into conditional moves (random data makes a branch here mispredict half the time).
                    int arg = base + (y0 + ky0) * g.w() + x0 + kx0;
                    float best = x[xo + arg];
                    for (int ky = ky0; ky < ky1; ky++) {
                        int row = base + (y0 + ky) * g.w() + x0;
                        for (int kx = kx0; kx < kx1; kx++) {
                            float v = x[xo + row + kx];
                            boolean better = v > best;
                            best = better ? v : best;
                            arg = better ? row + kx : arg;
                        }
                    }
                    boolean padded = ky1 - ky0 < g.ph() || kx1 - kx0 < g.pw();
                    if (padded && !(best >= 0)) {
                        best = 0;
                        arg = -1;
                    }
                    argmax[o] = arg;
                    y[yo + o] = best;
                }
            }
        }
    }

    private static void maxForward(double[] x, int xo, double[] y, int yo, int[] argmax, int planes, Geometry g) {
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * g.h() * g.w();
            for (int oy = 0; oy < g.oh(); oy++) {
                int y0 = oy * g.sh() - g.pad();
                int ky0 = Math.max(0, -y0);
                int ky1 = Math.min(g.ph(), g.h() - y0);
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    int x0 = ox * g.sw() - g.pad();
                    int kx0 = Math.max(0, -x0);
                    int kx1 = Math.min(g.pw(), g.w() - x0);
                    // Start from the first element so that the loop's test is a plain compare the JIT can turn
                    // into conditional moves (random data makes a branch here mispredict half the time).
                    int arg = base + (y0 + ky0) * g.w() + x0 + kx0;
                    double best = x[xo + arg];
                    for (int ky = ky0; ky < ky1; ky++) {
                        int row = base + (y0 + ky) * g.w() + x0;
                        for (int kx = kx0; kx < kx1; kx++) {
                            double v = x[xo + row + kx];
                            boolean better = v > best;
                            best = better ? v : best;
                            arg = better ? row + kx : arg;
                        }
                    }
                    boolean padded = ky1 - ky0 < g.ph() || kx1 - kx0 < g.pw();
                    if (padded && !(best >= 0)) {
                        best = 0;
                        arg = -1;
                    }
                    argmax[o] = arg;
                    y[yo + o] = best;
                }
            }
        }
    }

    /** {@code dx} = zeros, plus each {@code dout[o]} added at {@code argmax[o]}. */
    public static void maxBackward(Tensor dout, int[] argmax, Tensor dx) {
        dx.fill(0);
        int n = dout.size();
        int go = dout.offset();
        int dxo = dx.offset();
        if (dout.dtype() == DType.FLOAT32) {
            float[] g = dout.floatArray();
            float[] d = dx.floatArray();
            for (int o = 0; o < n; o++) {
                if (argmax[o] >= 0) {
                    d[dxo + argmax[o]] += g[go + o];
                }
            }
        } else {
            double[] g = dout.doubleArray();
            double[] d = dx.doubleArray();
            for (int o = 0; o < n; o++) {
                if (argmax[o] >= 0) {
                    d[dxo + argmax[o]] += g[go + o];
                }
            }
        }
    }

    /** {@code y} = the window means (padding included as zeros) of {@code planes} planes of {@code x}. */
    public static void averageForward(Tensor x, Tensor y, int planes, Geometry g) {
        average(true, x, y, planes, g);
    }

    /** {@code dx} = each {@code dout[o] / window size} spread over the in-image part of window o. */
    public static void averageBackward(Tensor dout, Tensor dx, int planes, Geometry g) {
        dx.fill(0);
        average(false, dx, dout, planes, g);
    }

    /** Walks the in-image part of every window: sums {@code img} into {@code pooled}, or spreads it back. */
    private static void average(boolean forward, Tensor img, Tensor pooled, int planes, Geometry g) {
        boolean f32 = img.dtype() == DType.FLOAT32;
        float[] imgF = f32 ? img.floatArray() : null;
        double[] imgD = f32 ? null : img.doubleArray();
        float[] poolF = f32 ? pooled.floatArray() : null;
        double[] poolD = f32 ? null : pooled.doubleArray();
        int po = pooled.offset();
        double scale = 1.0 / g.windowSize();
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = img.offset() + p * g.h() * g.w();
            for (int oy = 0; oy < g.oh(); oy++) {
                int y0 = oy * g.sh() - g.pad();
                int ky0 = Math.max(0, -y0);
                int ky1 = Math.min(g.ph(), g.h() - y0);
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    int x0 = ox * g.sw() - g.pad();
                    int kx0 = Math.max(0, -x0);
                    int kx1 = Math.min(g.pw(), g.w() - x0);
                    double v = forward ? 0 : scale * (f32 ? poolF[po + o] : poolD[po + o]);
                    for (int ky = ky0; ky < ky1; ky++) {
                        int row = base + (y0 + ky) * g.w() + x0;
                        for (int kx = kx0; kx < kx1; kx++) {
                            if (forward) {
                                v += f32 ? imgF[row + kx] : imgD[row + kx];
                            } else if (f32) {
                                imgF[row + kx] += (float) v;
                            } else {
                                imgD[row + kx] += v;
                            }
                        }
                    }
                    if (forward) {
                        if (f32) {
                            poolF[po + o] = (float) (v * scale);
                        } else {
                            poolD[po + o] = v * scale;
                        }
                    }
                }
            }
        }
    }
}
