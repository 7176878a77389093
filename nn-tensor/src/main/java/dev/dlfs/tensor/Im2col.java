package dev.dlfs.tensor;

/**
 * The book's {@code im2col}/{@code col2im}: unrolls the filter windows of a batch of images into the rows of a
 * matrix, so that a convolution becomes one matrix product.
 *
 * <p>For x of shape (N, C, H, W), a filter of FH×FW, a stride and zero padding, the result has shape
 * (N·OH·OW, C·FH·FW) with {@code OH = (H + 2·pad − FH)/stride + 1} (likewise OW). Row {@code (n·OH + oy)·OW + ox}
 * holds the window whose top-left corner is at {@code (oy·stride − pad, ox·stride − pad)}; column
 * {@code (c·FH + ky)·FW + kx} holds its channel c, row ky, column kx (zero outside the image).
 * {@code col2im} is the adjoint: it adds every window entry back to the pixel it came from, so overlapping windows
 * accumulate.
 */
public final class Im2col {
    private Im2col() {
    }

    /** OH (or OW): {@code (in + 2·pad − filter)/stride + 1}; fails if the filter does not fit. */
    public static int outputSize(int in, int filter, int stride, int pad) {
        if (filter < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException("im2col: filter " + filter + ", stride " + stride + ", pad " + pad
                    + ": filter and stride must be at least 1 and pad at least 0");
        }
        if (in + 2 * pad < filter) {
            throw new IllegalArgumentException("im2col: a filter of " + filter + " does not fit an input of " + in
                    + " with pad " + pad);
        }
        return (in + 2 * pad - filter) / stride + 1;
    }

    /** im2col of x (N, C, H, W) into a new (N·OH·OW, C·FH·FW) tensor of x's dtype. */
    public static Tensor im2col(Tensor x, int fh, int fw, int stride, int pad) {
        int[] s = colShape("im2col", x.shape(), fh, fw, stride, pad);
        Tensor out = Tensor.zeros(x.dtype(), s);
        return im2col(x, fh, fw, stride, pad, out);
    }

    /** im2col of x (N, C, H, W) into {@code out} of shape (N·OH·OW, C·FH·FW); returns {@code out}. */
    public static Tensor im2col(Tensor x, int fh, int fw, int stride, int pad, Tensor out) {
        int[] xs = x.shape();
        int[] s = colShape("im2col", xs, fh, fw, stride, pad);
        checkMatch("im2col", "out", out, x.dtype(), s);
        if (pad > 0) {
            out.fill(0); // padded entries are not written by the copy
        }
        copy(true, x, out, xs, fh, fw, stride, pad);
        return out;
    }

    /** col2im of col (N·OH·OW, C·FH·FW) into a new tensor of {@code inputShape} (N, C, H, W). */
    public static Tensor col2im(Tensor col, int[] inputShape, int fh, int fw, int stride, int pad) {
        colShape("col2im", inputShape, fh, fw, stride, pad);
        Tensor out = Tensor.zeros(col.dtype(), inputShape);
        return col2im(col, fh, fw, stride, pad, out);
    }

    /**
     * col2im of col into {@code out}, whose shape (N, C, H, W) is the input shape; {@code out} is overwritten.
     * Returns {@code out}.
     */
    public static Tensor col2im(Tensor col, int fh, int fw, int stride, int pad, Tensor out) {
        int[] xs = out.shape();
        int[] s = colShape("col2im", xs, fh, fw, stride, pad);
        checkMatch("col2im", "col", col, out.dtype(), s);
        out.fill(0);
        copy(false, out, col, xs, fh, fw, stride, pad);
        return out;
    }

    private static int[] colShape(String op, int[] xs, int fh, int fw, int stride, int pad) {
        if (xs.length != 4) {
            throw new IllegalArgumentException(op + ": input must be 4-D (N, C, H, W), got shape "
                    + Shapes.format(xs));
        }
        int oh = outputSize(xs[2], fh, stride, pad);
        int ow = outputSize(xs[3], fw, stride, pad);
        long rows = (long) xs[0] * oh * ow;
        long cols = (long) xs[1] * fh * fw;
        if (rows * cols > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(op + ": input " + Shapes.format(xs) + " with a " + fh + "×" + fw
                    + " filter needs " + rows + "×" + cols + " elements, more than a Java array holds");
        }
        return new int[] {(int) rows, (int) cols};
    }

    private static void checkMatch(String op, String name, Tensor t, DType dtype, int[] shape) {
        if (t.dtype() != dtype) {
            throw new IllegalArgumentException(op + ": " + name + " is " + t.dtype() + " but the data is " + dtype);
        }
        if (!java.util.Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException(op + ": " + name + " has shape " + Shapes.format(t.shape())
                    + ", expected " + Shapes.format(shape));
        }
    }

    /**
     * Walks every (window, channel, filter row) and moves the in-image part of a filter row: from image to
     * columns ({@code forward}) or added back from columns to image.
     */
    private static void copy(boolean forward, Tensor img, Tensor col, int[] xs, int fh, int fw, int stride,
                             int pad) {
        int n = xs[0];
        int ch = xs[1];
        int h = xs[2];
        int w = xs[3];
        int oh = (h + 2 * pad - fh) / stride + 1;
        int ow = (w + 2 * pad - fw) / stride + 1;
        int rowLen = ch * fh * fw;
        boolean f32 = img.dtype() == DType.FLOAT32;
        float[] imgF = f32 ? img.floatArray() : null;
        float[] colF = f32 ? col.floatArray() : null;
        double[] imgD = f32 ? null : img.doubleArray();
        double[] colD = f32 ? null : col.doubleArray();
        int imgOff = img.offset();
        int colOff = col.offset();
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int row = colOff + ((b * oh + oy) * ow + ox) * rowLen;
                    int x0 = ox * stride - pad;
                    // Filter columns [kx0, kx1) fall inside the image; the rest stay zero (padding).
                    int kx0 = Math.max(0, -x0);
                    int kx1 = Math.min(fw, w - x0);
                    for (int c = 0; c < ch; c++) {
                        for (int ky = 0; ky < fh; ky++) {
                            int y = oy * stride - pad + ky;
                            if (y < 0 || y >= h || kx0 >= kx1) {
                                continue;
                            }
                            int src = imgOff + ((b * ch + c) * h + y) * w + x0;
                            int dst = row + (c * fh + ky) * fw;
                            if (forward) {
                                if (f32) {
                                    System.arraycopy(imgF, src + kx0, colF, dst + kx0, kx1 - kx0);
                                } else {
                                    System.arraycopy(imgD, src + kx0, colD, dst + kx0, kx1 - kx0);
                                }
                            } else if (f32) {
                                for (int kx = kx0; kx < kx1; kx++) {
                                    imgF[src + kx] += colF[dst + kx];
                                }
                            } else {
                                for (int kx = kx0; kx < kx1; kx++) {
                                    imgD[src + kx] += colD[dst + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
