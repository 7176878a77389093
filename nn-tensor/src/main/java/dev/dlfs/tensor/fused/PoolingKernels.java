package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * Max and average pooling over the planes of an NCHW tensor, window by window. Padding counts as zeros, as with
 * the book's im2col: a max over a window that reaches into the padding is at least 0, and an average always divides
 * by the full window size. Images hold {@code planes} planes of h×w, pooled tensors as many of oh×ow; the arrays
 * and the {@link Scratch} passed in are the layer's, reused from step to step.
 */
public final class PoolingKernels {
    private PoolingKernels() {
    }

    /**
     * One pooling geometry: window ph×pw moved by sh (down) and sw (across) over planes of h×w padded by padH rows
     * above and below and padW columns left and right, giving oh×ow.
     */
    public record Geometry(int ph, int pw, int sh, int sw, int padH, int padW, int h, int w, int oh, int ow) {
        /** Fails unless the windows fit: sizes >= 1, pads below the window, oh×ow the windows that fit h×w. */
        public Geometry {
            if (ph < 1 || pw < 1 || sh < 1 || sw < 1 || padH < 0 || padW < 0 || padH >= ph || padW >= pw || h < 0
                    || w < 0 || h + 2 * padH < ph || w + 2 * padW < pw
                    || oh != (h + 2 * padH - ph) / sh + 1 || ow != (w + 2 * padW - pw) / sw + 1) {
                throw new IllegalArgumentException("pooling: window " + ph + "×" + pw + ", stride " + sh + "×" + sw
                        + ", pad " + padH + "×" + padW + " does not give " + oh + "×" + ow + " outputs from " + h
                        + "×" + w);
            }
        }

        int windowSize() {
            return ph * pw;
        }

        /** Whether every window lies inside the image, so that the vector loops apply. */
        boolean unpadded() {
            return padH == 0 && padW == 0;
        }

        /**
         * Whether each pixel lies in at most one window (inside the image, strides at least the window): then a
         * backward pass writes each element of dx once, from the window that holds it, and the vector loops apply.
         */
        boolean disjoint() {
            return unpadded() && sh >= ph && sw >= pw;
        }
    }

    /**
     * A pooling layer's scratch space, kept from call to call: where each window starts, for a few planes at a time,
     * and a row of window keys. Not shared between layers; its tables are only read while parts run.
     */
    public static final class Scratch {
        /** Outputs per table: enough planes that short planes still fill many vectors. */
        private static final int TABLE_OUTPUTS = 4096;

        private long[] rowBest = new long[0];
        private int[] table = new int[0];
        private Geometry tableFor;
        private int chunk;
        private int[] owners = new int[0];
        private boolean[] owned = new boolean[0];
        private Geometry ownersFor;
        private int ownerChunk;

        /** The window starts of {@code chunk()} planes of g, built when g changes. */
        int[] table(Geometry g) {
            if (!g.equals(tableFor)) {
                int out = g.oh() * g.ow();
                chunk = Math.max(1, TABLE_OUTPUTS / Math.max(1, out));
                table = new int[chunk * out];
                int o = 0;
                for (int p = 0; p < chunk; p++) {
                    for (int oy = 0; oy < g.oh(); oy++) {
                        for (int ox = 0; ox < g.ow(); ox++) {
                            table[o++] = (p * g.h() + oy * g.sh()) * g.w() + ox * g.sw();
                        }
                    }
                }
                tableFor = g;
            }
            return table;
        }

        /**
         * For the pixels of {@link #ownerChunk} planes of a {@link Geometry#disjoint disjoint} g: the window that
         * holds each (an output index relative to the first of those planes, 0 if none) into {@link #owners}, and
         * whether one does into {@link #owned}; built when g changes.
         */
        void holders(Geometry g) {
            if (g.equals(ownersFor)) {
                return;
            }
            int in = g.h() * g.w();
            ownerChunk = Math.max(1, TABLE_OUTPUTS / Math.max(1, in));
            owners = new int[ownerChunk * in];
            owned = new boolean[ownerChunk * in];
            for (int p = 0; p < ownerChunk; p++) {
                for (int oy = 0; oy < g.oh(); oy++) {
                    for (int ox = 0; ox < g.ow(); ox++) {
                        for (int ky = 0; ky < g.ph(); ky++) {
                            for (int kx = 0; kx < g.pw(); kx++) {
                                int i = p * in + (oy * g.sh() + ky) * g.w() + ox * g.sw() + kx;
                                owners[i] = (p * g.oh() + oy) * g.ow() + ox;
                                owned[i] = true;
                            }
                        }
                    }
                }
            }
            ownersFor = g;
        }

        int[] owners() {
            return owners;
        }

        boolean[] owned() {
            return owned;
        }

        int ownerChunk() {
            return ownerChunk;
        }

        /** Planes per table. */
        int chunk() {
            return chunk;
        }

        long[] rowBest(int ow) {
            if (rowBest.length < ow) {
                rowBest = new long[ow];
            }
            return rowBest;
        }
    }

    /**
     * {@code y} = the window maxima of {@code planes} planes of {@code x}; {@code argmax[o]} = the flat index
     * (from x's first element) of the element that won output o, or −1 if a padding zero did. A NaN wins its window;
     * otherwise ties go to the first element in row-major window order, padding included, like NumPy's argmax over
     * the book's im2col rows. Windows inside the image (no padding) take the vector loops.
     */
    public static void maxForward(Tensor x, Tensor y, int[] argmax, Scratch scratch, int planes, Geometry g) {
        check("max pooling", x, y, planes, g);
        if (argmax.length < y.size()) {
            throw new IllegalArgumentException("max pooling: argmax holds " + argmax.length + ", need at least "
                    + y.size());
        }
        boolean f32 = x.dtype() == DType.FLOAT32;
        if (g.unpadded()) {
            scratch.table(g);
            PoolingJob.run(PoolingJob.Kind.MAX_FORWARD, x, y, argmax, scratch, planes, g);
        } else if (f32) {
            maxForward(x.floatArray(), x.offset(), y.floatArray(), y.offset(), argmax, planes, g,
                    scratch.rowBest(g.ow()));
        } else {
            maxForward(x.doubleArray(), x.offset(), y.doubleArray(), y.offset(), argmax, planes, g);
        }
    }

    /**
     * float32 with padding: each window element becomes one long, its value as an order-preserving int above its window position
     * (counted down, so that on equal values the earlier position is larger), and a window's maximum is one
     * {@code Math.max} per element with no branch on the data (a compare-and-branch mispredicts about once per
     * window on real data). Each window element (ky, kx) is visited for a whole row of outputs, so that the inner
     * loop is long and simple rather than a 2×2 loop entered for every window.
     */
    private static void maxForward(float[] x, int xo, float[] y, int yo, int[] argmax, int planes, Geometry g,
                                   long[] rowBest) {
        int h = g.h();
        int w = g.w();
        int ow = g.ow();
        int sw = g.sw();
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int oy = 0; oy < g.oh(); oy++) {
                java.util.Arrays.fill(rowBest, 0, ow, Long.MIN_VALUE);
                for (int ky = 0; ky < g.ph(); ky++) {
                    int iy = oy * g.sh() - g.padH() + ky;
                    boolean rowInside = iy >= 0 && iy < h;
                    for (int kx = 0; kx < g.pw(); kx++) {
                        long tag = ~(ky << 16 | kx) & 0xFFFFFFFFL;
                        int lo = rowInside ? firstInside(g, kx) : ow;
                        int hi = rowInside ? Math.max(lo, endInside(g, kx)) : ow;
                        int src = xo + base + iy * w - g.padW() + kx;
                        for (int ox = 0; ox < lo; ox++) {
                            rowBest[ox] = Math.max(rowBest[ox], tag);           // padding: the key of 0 is 0
                        }
                        for (int ox = lo; ox < hi; ox++) {
                            long key = (long) orderedBits(x[src + ox * sw]) << 32 | tag;
                            rowBest[ox] = Math.max(rowBest[ox], key);
                        }
                        for (int ox = hi; ox < ow; ox++) {
                            rowBest[ox] = Math.max(rowBest[ox], tag);
                        }
                    }
                }
                int o = (p * g.oh() + oy) * ow;
                for (int ox = 0; ox < ow; ox++) {
                    int position = ~(int) rowBest[ox];
                    int iy = oy * g.sh() - g.padH() + (position >>> 16);
                    int ix = ox * sw - g.padW() + (position & 0xFFFF);
                    boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                    argmax[o + ox] = inside ? base + iy * w + ix : -1;
                    y[yo + o + ox] = inside ? x[xo + base + iy * w + ix] : 0f;
                }
            }
        }
    }

    /** The first output column whose window column kx lies inside the image: ox·sw − pad + kx >= 0. */
    private static int firstInside(Geometry g, int kx) {
        int need = g.padW() - kx;
        return need <= 0 ? 0 : Math.min(g.ow(), (need + g.sw() - 1) / g.sw());
    }

    /** One past the last output column whose window column kx lies inside the image: ox·sw − pad + kx < w. */
    private static int endInside(Geometry g, int kx) {
        int room = g.w() - 1 + g.padW() - kx;
        return room < 0 ? 0 : Math.min(g.ow(), room / g.sw() + 1);
    }

    /** The bits of {@code v} as an int that orders like the float (negative values with their magnitude flipped). */
    private static int orderedBits(float v) {
        int b = Float.floatToRawIntBits(v);
        return b ^ ((b >> 31) & 0x7FFFFFFF);
    }

    /** float64 with padding: the same definition as a plain compare (a NaN wins), padding as zeros in place. */
    private static void maxForward(double[] x, int xo, double[] y, int yo, int[] argmax, int planes, Geometry g) {
        int h = g.h();
        int w = g.w();
        int o = 0;
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    double best = 0;
                    int arg = -1;
                    boolean first = true;
                    for (int ky = 0; ky < g.ph(); ky++) {
                        int iy = oy * g.sh() - g.padH() + ky;
                        for (int kx = 0; kx < g.pw(); kx++) {
                            int ix = ox * g.sw() - g.padW() + kx;
                            boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            double v = inside ? x[xo + base + iy * w + ix] : 0;
                            if (first || v > best || v != v && best == best) {
                                first = false;
                                best = v;
                                arg = inside ? base + iy * w + ix : -1;
                            }
                        }
                    }
                    argmax[o] = arg;
                    y[yo + o] = best;
                }
            }
        }
    }

    /**
     * {@code dx} = zeros, plus each {@code dout[o]} added at {@code argmax[o]}: the gradient of
     * {@link #maxForward} over {@code planes} planes of g.
     */
    public static void maxBackward(Tensor dout, int[] argmax, Tensor dx, int planes, Geometry g) {
        check("max pooling backward", dx, dout, planes, g);
        if (argmax.length < dout.size()) {
            throw new IllegalArgumentException("max pooling backward: " + argmax.length + " winners for "
                    + dout.describe());
        }
        PoolingJob.run(PoolingJob.Kind.MAX_BACKWARD, dx, dout, argmax, null, planes, g);
    }

    /** {@code y} = the window means (padding included as zeros) of {@code planes} planes of {@code x}. */
    public static void averageForward(Tensor x, Tensor y, Scratch scratch, int planes, Geometry g) {
        check("average pooling", x, y, planes, g);
        if (!g.unpadded()) {
            average(true, x, y, planes, g);
        } else {
            scratch.table(g);
            PoolingJob.run(PoolingJob.Kind.AVERAGE_FORWARD, x, y, null, scratch, planes, g);
        }
    }

    /** {@code dx} = each {@code dout[o] / window size} spread over the in-image part of window o. */
    public static void averageBackward(Tensor dout, Tensor dx, Scratch scratch, int planes, Geometry g) {
        check("average pooling backward", dx, dout, planes, g);
        if (!g.disjoint()) {
            dx.fill(0);
            average(false, dx, dout, planes, g);
            return;
        }
        scratch.holders(g);
        PoolingJob.run(PoolingJob.Kind.AVERAGE_BACKWARD, dx, dout, null, scratch, planes, g);
    }

    /** Fails unless {@code img} holds the planes of h×w and {@code pooled} as many of oh×ow, in one dtype. */
    private static void check(String op, Tensor img, Tensor pooled, int planes, Geometry g) {
        Operands.sameDtype(op, img, pooled);
        if (img.size() != planes * g.h() * g.w() || pooled.size() != planes * g.oh() * g.ow()) {
            throw new IllegalArgumentException(op + ": " + img.describe() + " and " + pooled.describe() + " are not "
                    + planes + " planes of " + g.h() + "×" + g.w() + " and " + g.oh() + "×" + g.ow());
        }
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
                int y0 = oy * g.sh() - g.padH();
                int ky0 = Math.max(0, -y0);
                int ky1 = Math.min(g.ph(), g.h() - y0);
                for (int ox = 0; ox < g.ow(); ox++, o++) {
                    int x0 = ox * g.sw() - g.padW();
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
