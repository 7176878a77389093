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
     * (from x's first element) of the element that won output o, or −1 if a padding zero did. Ties go to the first
     * element in row-major window order, like NumPy's argmax.
     */
    public static void maxForward(Tensor x, Tensor y, int[] argmax, int planes, Geometry g) {
        boolean f32 = x.dtype() == DType.FLOAT32;
        float[] xf = f32 ? x.floatArray() : null;
        double[] xd = f32 ? null : x.doubleArray();
        int xo = x.offset();
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * g.h() * g.w();
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    double best = 0;
                    int arg = -1;
                    boolean first = true;
                    for (int ky = 0; ky < g.ph(); ky++) {
                        int iy = oy * g.sh() - g.pad() + ky;
                        for (int kx = 0; kx < g.pw(); kx++) {
                            int ix = ox * g.sw() - g.pad() + kx;
                            boolean inside = iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w();
                            int at = base + iy * g.w() + ix;
                            double v = !inside ? 0 : f32 ? xf[xo + at] : xd[xo + at];
                            if (first || v > best) {
                                first = false;
                                best = v;
                                arg = inside ? at : -1;
                            }
                        }
                    }
                    argmax[o] = arg;
                    y.setFlat(o, best);
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
        boolean f32 = x.dtype() == DType.FLOAT32;
        float[] xf = f32 ? x.floatArray() : null;
        double[] xd = f32 ? null : x.doubleArray();
        int xo = x.offset();
        double scale = 1.0 / g.windowSize();
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = xo + p * g.h() * g.w();
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    double s = 0;
                    for (int ky = Math.max(0, g.pad() - oy * g.sh()); ky < g.ph(); ky++) {
                        int iy = oy * g.sh() - g.pad() + ky;
                        if (iy >= g.h()) {
                            break;
                        }
                        for (int kx = Math.max(0, g.pad() - ox * g.sw()); kx < g.pw(); kx++) {
                            int ix = ox * g.sw() - g.pad() + kx;
                            if (ix >= g.w()) {
                                break;
                            }
                            int at = base + iy * g.w() + ix;
                            s += f32 ? xf[at] : xd[at];
                        }
                    }
                    y.setFlat(o, s * scale);
                }
            }
        }
    }

    /** {@code dx} = each {@code dout[o] / window size} spread over the in-image part of window o. */
    public static void averageBackward(Tensor dout, Tensor dx, int planes, Geometry g) {
        dx.fill(0);
        double scale = 1.0 / g.windowSize();
        boolean f32 = dx.dtype() == DType.FLOAT32;
        float[] df = f32 ? dx.floatArray() : null;
        double[] dd = f32 ? null : dx.doubleArray();
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = dx.offset() + p * g.h() * g.w();
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    double v = dout.getFlat(o) * scale;
                    for (int ky = Math.max(0, g.pad() - oy * g.sh()); ky < g.ph(); ky++) {
                        int iy = oy * g.sh() - g.pad() + ky;
                        if (iy >= g.h()) {
                            break;
                        }
                        for (int kx = Math.max(0, g.pad() - ox * g.sw()); kx < g.pw(); kx++) {
                            int ix = ox * g.sw() - g.pad() + kx;
                            if (ix >= g.w()) {
                                break;
                            }
                            int at = base + iy * g.w() + ix;
                            if (f32) {
                                df[at] += (float) v;
                            } else {
                                dd[at] += v;
                            }
                        }
                    }
                }
            }
        }
    }
}
