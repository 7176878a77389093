// DoubleConvolutions.java is generated from this file by build-tools/TwinGenerator.java.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.fused.ConvolutionKernels.Geometry;
import dev.dlfs.tensor.internal.FloatGemm;
import dev.dlfs.tensor.internal.FloatPanelSource;
import dev.dlfs.tensor.simd.FloatSum;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 loops of {@link ConvolutionKernels} on raw arrays. An image's column matrix {@code col} is K × P: row
 * {@code (c·FH + ky)·FW + kx} holds, for every output pixel, the input pixel under filter position (ky, kx) of
 * channel c (0 in the padding): the transpose of the book's im2col rows, so that the product's output is NCHW.
 */
final class FloatConvolutions {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private FloatConvolutions() {
    }

    /** Values a column-matrix scratch array holds past K·P: the last row's last vector may reach past its end. */
    static final int COLUMN_SLACK = L;

    /**
     * One image's column matrix for a convolution with a {@link WindowMask}, read from the image as the product
     * packs it, so that it is never stored whole; {@link #rows} also writes it out whole where it is needed stored.
     * Per thread, reused image after image.
     */
    static final class Windows implements FloatPanelSource {
        private WindowMask mask;
        private float[] x;
        private int xo;
        /** The image inside its border of zeros, for a mask with a canvas; its border is zero for {@link #canvasOf}. */
        private float[] canvas = new float[0];
        private WindowMask canvasOf;

        /** Uses {@code mask}'s convolution for the images that follow. */
        Windows use(WindowMask mask) {
            this.mask = mask;
            return this;
        }

        /** The column matrix of the image at {@code xo} in {@code x} (copied onto the canvas if the mask has one). */
        Windows at(float[] x, int xo) {
            if (!mask.canvas()) {
                this.x = x;
                this.xo = xo;
                return this;
            }
            Geometry c = mask.g;
            int size = c.channels() * c.h() * c.w();
            if (canvasOf != mask) {
                if (canvas.length < size) {
                    canvas = new float[size];
                }
                java.util.Arrays.fill(canvas, 0, size, 0f);
                canvasOf = mask;
            }
            Geometry g = mask.conv;
            for (int ch = 0; ch < g.channels(); ch++) {
                for (int r = 0; r < g.h(); r++) {
                    System.arraycopy(x, xo + (ch * g.h() + r) * g.w(), canvas,
                            (ch * c.h() + r + mask.borderH) * c.w() + mask.borderW, g.w());
                }
            }
            this.x = canvas;
            this.xo = 0;
            return this;
        }

        @Override
        public void pack(float[] dst, int at, int panelWidth, int j0, int width, int p0, int kc) {
            // One method per tile width (1 to 4 vectors), each with straight-line copies: a loop of so few trips runs
            // in the compiled loop's pre- and post-loops, at half the speed. The choices are made here, once per
            // panel, and kept out of the copying loops: C2 compiles a branch for the cases seen so far, and a layer
            // with a new width, or the first image's rows that start before the array, then sends only this small
            // method back to the interpreter, never the vector loops.
            if (xo + mask.lowestSource + j0 < 0 || xo + mask.highestSource + j0 > x.length - panelWidth) {
                rows(dst, at, panelWidth, j0, panelWidth, p0, kc);
                return;
            }
            switch (panelWidth / L) {
                case 1 -> pack1(dst, at, j0, p0, kc);
                case 2 -> pack2(dst, at, j0, p0, kc);
                case 3 -> pack3(dst, at, j0, p0, kc);
                case 4 -> pack4(dst, at, j0, p0, kc);
                default -> rows(dst, at, panelWidth, j0, panelWidth, p0, kc);
            }
        }

        private void pack1(float[] dst, int at, int j0, int p0, int kc) {
            for (int p = 0; p < kc; p++) {
                int src = xo + mask.rowSource[p0 + p] + j0;
                int m = mask.rowInside[p0 + p] + j0;
                int to = at + p * L;
                copy(dst, to, src, mask.inside, m);
            }
        }

        private void pack2(float[] dst, int at, int j0, int p0, int kc) {
            for (int p = 0; p < kc; p++) {
                int src = xo + mask.rowSource[p0 + p] + j0;
                int m = mask.rowInside[p0 + p] + j0;
                int to = at + p * 2 * L;
                copy(dst, to, src, mask.inside, m);
                copy(dst, to + L, src + L, mask.inside, m + L);
            }
        }

        private void pack3(float[] dst, int at, int j0, int p0, int kc) {
            for (int p = 0; p < kc; p++) {
                int src = xo + mask.rowSource[p0 + p] + j0;
                int m = mask.rowInside[p0 + p] + j0;
                int to = at + p * 3 * L;
                copy(dst, to, src, mask.inside, m);
                copy(dst, to + L, src + L, mask.inside, m + L);
                copy(dst, to + 2 * L, src + 2 * L, mask.inside, m + 2 * L);
            }
        }

        private void pack4(float[] dst, int at, int j0, int p0, int kc) {
            for (int p = 0; p < kc; p++) {
                int src = xo + mask.rowSource[p0 + p] + j0;
                int m = mask.rowInside[p0 + p] + j0;
                int to = at + p * 4 * L;
                copy(dst, to, src, mask.inside, m);
                copy(dst, to + L, src + L, mask.inside, m + L);
                copy(dst, to + 2 * L, src + 2 * L, mask.inside, m + 2 * L);
                copy(dst, to + 3 * L, src + 3 * L, mask.inside, m + 3 * L);
            }
        }

        /** One vector of a column matrix row: the image's values where the window is inside it, else 0. */
        private void copy(float[] dst, int to, int src, boolean[] inside, int m) {
            FloatVector.fromArray(S, x, src, VectorMask.fromArray(S, inside, m)).intoArray(dst, to);
        }

        /**
         * Rows {@code [p0, p0+kc)}, columns {@code [j0, j0+count)} ({@code count} a whole number of vectors) of the
         * column matrix, row {@code p0 + p} at {@code at + p·step}; 0 in the padding and past the plane.
         */
        void rows(float[] dst, int at, int step, int j0, int count, int p0, int kc) {
            int[] source = mask.rowSource;
            int[] start = mask.rowInside;
            boolean[] inside = mask.inside;
            int last = x.length - count;
            for (int p = 0; p < kc; p++) {
                int src = xo + source[p0 + p] + j0;
                int m = start[p0 + p] + j0;
                int to = at + p * step;
                if (src >= 0 && src <= last) {
                    for (int v = 0; v < count; v += L) {
                        copy(dst, to + v, src + v, inside, m + v);
                    }
                } else {
                    edgeRow(dst, to, src, m, count);
                }
            }
        }

        /** A row of the first or last image of the array, where a vector would read past its ends. */
        private void edgeRow(float[] dst, int to, int src, int m, int count) {
            for (int v = 0; v < count; v++) {
                dst[to + v] = mask.inside[m + v] ? x[src + v] : 0f;
            }
        }
    }

    /**
     * The forward pass of images {@code [i0, i1)}: each image's planes {@code y_i = W·col(x_i) + b} from one product,
     * then {@code max(y_i, 0)} if {@code rectify}. {@code col} is scratch space of at least K·P +
     * {@link #COLUMN_SLACK} values, unused when {@code windows} (the column matrices of a convolution with a
     * {@link WindowMask}, else null) give B straight from the image.
     */
    static void forwardImages(float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo,
                              Geometry g, int filters, int i0, int i1, float[] col, Windows windows,
                              boolean rectify) {
        int k = g.k();
        int plane = g.plane();
        int image = g.channels() * g.h() * g.w();
        for (int i = i0; i < i1; i++) {
            int out = yo + i * filters * plane;
            if (windows != null) {
                FloatGemm.gemm(filters, plane, k, w, wo, k, windows.at(x, xo + i * image), 0f, y, out, plane, 1);
            } else {
                unroll(x, xo + i * image, col, g);
                FloatGemm.gemm(false, false, filters, plane, k, 1f, w, wo, k, col, 0, plane, 0f, y, out, plane, 1);
            }
            for (int f = 0; f < filters; f++) {
                if (rectify) {
                    addRectified(y, out + f * plane, plane, b[bo + f]);
                } else {
                    add(y, out + f * plane, plane, b[bo + f]);
                }
            }
        }
    }

    /** {@code y[at..at+n) += add}. */
    private static void add(float[] y, int at, int n, float add) {
        for (int p = 0; p < n; p++) {
            y[at + p] += add;
        }
    }

    /**
     * {@code y = max(y + add, 0)} on {@code y[at..at+n)}: the bias and the ReLU that follows the layer, in one pass,
     * with the ReLU layer's bits ({@code Math.max}'s NaN rule).
     */
    private static void addRectified(float[] y, int at, int n, float add) {
        for (int p = 0; p < n; p++) {
            y[at + p] = Math.max(y[at + p] + add, 0f);
        }
    }

    /**
     * The backward pass of images {@code [i0, i1)}: their filter gradient {@code Σ_i dy_i·col(x_i)ᵀ}, transposed,
     * into {@code dw} (K × FN, overwritten), summed in image order, and, unless {@code dx} is null, each image's input
     * gradient. With {@code back} (stride 1) that gradient is the forward convolution of dy_i, padded by {@code back},
     * with the flipped filters {@code flipped} (C × FN·FH·FW): one product with a long sum and no col2im. Without it,
     * {@code col2im(Wᵀ·dy_i)}. {@code col} and {@code dcol} are scratch space for one image's column matrices (see
     * {@link #forwardImages}); {@code windows} and {@code backWindows}, where not null, give the column matrices of
     * x and of dy (under {@code back}) from a {@link WindowMask}.
     */
    static void backwardImages(float[] x, int xo, float[] w, int wo, float[] dy, int dyo, float[] dx, int dxo,
                               Geometry g, int filters, int i0, int i1, float[] col, float[] dcol, float[] dw,
                               Geometry back, float[] flipped, Windows windows, Windows backWindows) {
        int k = g.k();
        int plane = g.plane();
        int image = g.channels() * g.h() * g.w();
        for (int i = i0; i < i1; i++) {
            int grad = dyo + i * filters * plane;
            if (windows != null) {
                windows.at(x, xo + i * image).rows(col, 0, plane, 0, plane + (L - plane % L) % L, 0, k);
            } else {
                unroll(x, xo + i * image, col, g);
            }
            // The transpose, col·dyᵀ (K × FN): its B is dy (FN × P), far fewer values to transpose into panels than
            // col (K × P), and each output is summed in the same order, so the bits are those of dy·colᵀ.
            FloatGemm.gemm(false, true, k, filters, plane, 1f, col, 0, plane, dy, grad, plane, i == i0 ? 0f : 1f,
                    dw, 0, filters, 1);
            if (dx == null) {
                continue;
            }
            if (backWindows != null) {
                FloatGemm.gemm(g.channels(), back.plane(), back.k(), flipped, 0, back.k(), backWindows.at(dy, grad), 0f,
                        dx, dxo + i * image, back.plane(), 1);
            } else if (back != null) {
                unroll(dy, grad, dcol, back);
                FloatGemm.gemm(false, false, g.channels(), back.plane(), back.k(), 1f, flipped, 0, back.k(), dcol, 0,
                        back.plane(), 0f, dx, dxo + i * image, back.plane(), 1);
            } else {
                FloatGemm.gemm(true, false, k, plane, filters, 1f, w, wo, k, dy, grad, plane, 0f, dcol, 0, plane, 1);
                fold(dcol, dx, dxo + i * image, g);
            }
        }
    }

    /**
     * {@code out[c][f][ky][kx] = w[f][c][FH − 1 − ky][FW − 1 − kx]}: the filters of the input gradient's convolution.
     */
    static void flip(float[] w, int wo, int filters, Geometry g, float[] out) {
        int fh = g.fh();
        int fw = g.fw();
        int o = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int f = 0; f < filters; f++) {
                int from = wo + ((f * g.channels() + c) * fh) * fw;
                for (int ky = fh - 1; ky >= 0; ky--) {
                    for (int kx = fw - 1; kx >= 0; kx--) {
                        out[o++] = w[from + ky * fw + kx];
                    }
                }
            }
        }
    }

    /**
     * One image's column matrix:
     * {@code col[(c·FH + ky)·FW + kx][oy·OW + ox] = x[c][oy·sh − ph + ky][ox·sw − pw + kx]}, 0 in the padding.
     */
    static void unroll(float[] x, int xo, float[] col, Geometry g) {
        int h = g.h();
        int w = g.w();
        int oh = g.oh();
        int ow = g.ow();
        int sw = g.sw();
        int dst = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int ky = 0; ky < g.fh(); ky++) {
                for (int kx = 0; kx < g.fw(); kx++, dst += oh * ow) {
                    // Output columns [ox0, ox1) have this filter column inside the image; the others read padding.
                    int ox0 = firstInside(g, kx);
                    int ox1 = endInside(g, kx);
                    int src = xo + c * h * w + kx - g.pw() - g.ph() * w + ky * w;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * g.sh() - g.ph() + ky;
                        int to = dst + oy * ow;
                        int lo = iy < 0 || iy >= h ? ow : ox0;
                        int hi = iy < 0 || iy >= h ? ow : ox1;
                        int from = src + oy * g.sh() * w;
                        for (int ox = 0; ox < lo; ox++) {
                            col[to + ox] = 0f;
                        }
                        if (sw == 1 && hi > lo) {
                            System.arraycopy(x, from + lo, col, to + lo, hi - lo);
                        } else if (sw > 1) {
                            for (int ox = lo; ox < hi; ox++) {
                                col[to + ox] = x[from + ox * sw];
                            }
                        }
                        for (int ox = hi; ox < ow; ox++) {
                            col[to + ox] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #unroll}: one image's {@code dx} (overwritten) is the sum of the column entries taken from
     * each pixel, added in (channel, filter row, filter column) order as the book's col2im adds them; entries that
     * read padding are dropped. Only strided convolutions (and pads as wide as the filter) take it: at stride 1 the
     * input gradient is a convolution of its own ({@link #backwardImages}).
     */
    static void fold(float[] col, float[] dx, int dxo, Geometry g) {
        int h = g.h();
        int w = g.w();
        int oh = g.oh();
        int ow = g.ow();
        int sw = g.sw();
        java.util.Arrays.fill(dx, dxo, dxo + g.channels() * h * w, 0f);
        int from = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int ky = 0; ky < g.fh(); ky++) {
                for (int kx = 0; kx < g.fw(); kx++, from += oh * ow) {
                    int ox0 = firstInside(g, kx);
                    int ox1 = endInside(g, kx);
                    int to = dxo + c * h * w + kx - g.pw() - g.ph() * w + ky * w;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * g.sh() - g.ph() + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int row = to + oy * g.sh() * w;
                        int at = from + oy * ow;
                        if (sw == 1) {
                            for (int ox = ox0; ox < ox1; ox++) {
                                dx[row + ox] += col[at + ox];
                            }
                        } else {
                            for (int ox = ox0; ox < ox1; ox++) {
                                dx[row + ox * sw] += col[at + ox];
                            }
                        }
                    }
                }
            }
        }
    }



    /** The first output column whose filter column kx lies inside the image. */
    private static int firstInside(Geometry g, int kx) {
        int need = g.pw() - kx;    // ox·sw >= need
        return Math.min(g.ow(), Math.max(0, g.sw() == 1 ? need : ceilDiv(need, g.sw())));
    }

    /** One past the last output column whose filter column kx lies inside the image. */
    private static int endInside(Geometry g, int kx) {
        int room = g.w() + g.pw() - kx;    // ox·sw < room
        return Math.max(firstInside(g, kx), Math.min(g.ow(), g.sw() == 1 ? room : ceilDiv(room, g.sw())));
    }

    /**
     * {@code d[o + f·K + k] = Σ_g groups[g][k·FN + f]} over the first {@code count} groups, added in group order: the
     * filter gradient (FN × K) from the groups' transposed ones (K × FN). The sum is made in the first group's array.
     */
    static void addGroups(float[][] groups, int count, float[] d, int o, int filters, int k) {
        float[] sum = groups[0];
        int size = filters * k;
        for (int g = 1; g < count; g++) {
            float[] part = groups[g];
            for (int i = 0; i < size; i++) {
                sum[i] += part[i];
            }
        }
        for (int j = 0; j < k; j++) {
            for (int f = 0; f < filters; f++) {
                d[o + f * k + j] = sum[j * filters + f];
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * {@code out[c] = Σ_b Σ_p x[b][c][p]} for x of blocks × channels × plane: each plane summed in {@link FloatSum}'s
     * fixed order, the planes added in float64 in block order.
     */
    static void channelSums(float[] x, int xo, int blocks, int channels, int plane, float[] out, int oo) {
        for (int c = 0; c < channels; c++) {
            double total = 0;
            for (int b = 0; b < blocks; b++) {
                total += FloatSum.of(x, xo + (b * channels + c) * plane, plane);
            }
            out[oo + c] = (float) total;
        }
    }
}
