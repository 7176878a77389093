// Generated from FloatConvolutions.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.fused.ConvolutionKernels.Geometry;
import dev.dlfs.tensor.internal.DoubleGemm;
import dev.dlfs.tensor.simd.DoubleSum;

/**
 * float64 loops of {@link ConvolutionKernels} on raw arrays. An image's column matrix {@code col} is K × P: row
 * {@code (c·FH + ky)·FW + kx} holds, for every output pixel, the input pixel under filter position (ky, kx) of
 * channel c (0 in the padding): the transpose of the book's im2col rows, so that the product's output is NCHW.
 */
final class DoubleConvolutions {
    private DoubleConvolutions() {
    }

    /**
     * The forward pass of images {@code [i0, i1)}: each image's planes {@code y_i = W·col(x_i) + b} from one product.
     * {@code col} is scratch space of at least K·P values.
     */
    static void forwardImages(double[] x, int xo, double[] w, int wo, double[] b, int bo, double[] y, int yo,
                              Geometry g, int filters, int i0, int i1, double[] col) {
        int k = g.k();
        int plane = g.plane();
        int image = g.channels() * g.h() * g.w();
        for (int i = i0; i < i1; i++) {
            int out = yo + i * filters * plane;
            unroll(x, xo + i * image, col, g);
            DoubleGemm.gemm(false, false, filters, plane, k, 1.0, w, wo, k, col, 0, plane, 0.0, y, out, plane, 1);
            for (int f = 0; f < filters; f++) {
                double add = b[bo + f];
                int row = out + f * plane;
                for (int p = 0; p < plane; p++) {
                    y[row + p] += add;
                }
            }
        }
    }

    /**
     * The backward pass of images {@code [i0, i1)}: their filter gradient {@code Σ_i dy_i·col(x_i)ᵀ} into
     * {@code dw} (FN × K, overwritten), summed in image order, and, unless {@code dx} is null, each image's input
     * gradient {@code col2im(Wᵀ·dy_i)}. {@code col} and {@code dcol} are scratch space of at least K·P values.
     */
    static void backwardImages(double[] x, int xo, double[] w, int wo, double[] dy, int dyo, double[] dx, int dxo,
                               Geometry g, int filters, int i0, int i1, double[] col, double[] dcol, double[] dw) {
        int k = g.k();
        int plane = g.plane();
        int image = g.channels() * g.h() * g.w();
        for (int i = i0; i < i1; i++) {
            int grad = dyo + i * filters * plane;
            unroll(x, xo + i * image, col, g);
            DoubleGemm.gemm(false, true, filters, k, plane, 1.0, dy, grad, plane, col, 0, plane, i == i0 ? 0.0 : 1.0,
                    dw, 0, k, 1);
            if (dx != null) {
                DoubleGemm.gemm(true, false, k, plane, filters, 1.0, w, wo, k, dy, grad, plane, 0.0, dcol, 0, plane, 1);
                fold(dcol, dx, dxo + i * image, g);
            }
        }
    }

    /**
     * One image's column matrix:
     * {@code col[(c·FH + ky)·FW + kx][oy·OW + ox] = x[c][oy·sh − ph + ky][ox·sw − pw + kx]}, 0 in the padding.
     */
    static void unroll(double[] x, int xo, double[] col, Geometry g) {
        int h = g.h();
        int w = g.w();
        int oh = g.oh();
        int ow = g.ow();
        int sw = g.sw();
        int dst = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int ky = 0; ky < g.fh(); ky++) {
                for (int kx = 0; kx < g.fw(); kx++) {
                    // Output columns [ox0, ox1) have this filter column inside the image; the others read padding.
                    int ox0 = Math.min(ow, Math.max(0, ceilDiv(g.pw() - kx, sw)));
                    int ox1 = Math.max(ox0, Math.min(ow, ceilDiv(w + g.pw() - kx, sw)));
                    for (int oy = 0; oy < oh; oy++, dst += ow) {
                        int iy = oy * g.sh() - g.ph() + ky;
                        // Rows are short (7 to 28 outputs) and their padded ends one or two: plain loops, no calls.
                        int lo = iy < 0 || iy >= h ? ow : ox0;
                        int hi = iy < 0 || iy >= h ? ow : ox1;
                        int src = xo + (c * h + iy) * w + kx - g.pw();
                        for (int ox = 0; ox < lo; ox++) {
                            col[dst + ox] = 0.0;
                        }
                        if (sw == 1) {
                            for (int ox = lo; ox < hi; ox++) {
                                col[dst + ox] = x[src + ox];
                            }
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                col[dst + ox] = x[src + ox * sw];
                            }
                        }
                        for (int ox = hi; ox < ow; ox++) {
                            col[dst + ox] = 0.0;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #unroll}: one image's {@code dx} (overwritten) is the sum of the column entries taken from
     * each pixel, added in (channel, filter row, filter column) order as the book's col2im adds them.
     */
    static void fold(double[] col, double[] dx, int dxo, Geometry g) {
        int h = g.h();
        int w = g.w();
        int oh = g.oh();
        int ow = g.ow();
        int sw = g.sw();
        java.util.Arrays.fill(dx, dxo, dxo + g.channels() * h * w, 0.0);
        int from = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int ky = 0; ky < g.fh(); ky++) {
                for (int kx = 0; kx < g.fw(); kx++) {
                    int ox0 = Math.min(ow, Math.max(0, ceilDiv(g.pw() - kx, sw)));
                    int ox1 = Math.max(ox0, Math.min(ow, ceilDiv(w + g.pw() - kx, sw)));
                    for (int oy = 0; oy < oh; oy++, from += ow) {
                        int iy = oy * g.sh() - g.ph() + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int to = dxo + (c * h + iy) * w + kx - g.pw();
                        if (sw == 1) {
                            for (int ox = ox0; ox < ox1; ox++) {
                                dx[to + ox] += col[from + ox];
                            }
                        } else {
                            for (int ox = ox0; ox < ox1; ox++) {
                                dx[to + ox * sw] += col[from + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code d[o + i] = Σ_g groups[g][i]} over the first {@code count} groups, added in group order. */
    static void addGroups(double[][] groups, int count, double[] d, int o, int size) {
        System.arraycopy(groups[0], 0, d, o, size);
        for (int g = 1; g < count; g++) {
            double[] part = groups[g];
            for (int i = 0; i < size; i++) {
                d[o + i] += part[i];
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * {@code out[c] = Σ_b Σ_p x[b][c][p]} for x of blocks × channels × plane: each plane summed in {@link DoubleSum}'s
     * fixed order, the planes added in float64 in block order.
     */
    static void channelSums(double[] x, int xo, int blocks, int channels, int plane, double[] out, int oo) {
        for (int c = 0; c < channels; c++) {
            double total = 0;
            for (int b = 0; b < blocks; b++) {
                total += DoubleSum.of(x, xo + (b * channels + c) * plane, plane);
            }
            out[oo + c] = (double) total;
        }
    }
}
