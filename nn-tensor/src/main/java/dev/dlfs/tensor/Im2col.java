package dev.dlfs.tensor;

import dev.dlfs.tensor.internal.WindowCopy;

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
        long padded = in + 2L * pad;   // 2·pad leaves the int range for pads above 2^30
        if (padded < filter) {
            throw new IllegalArgumentException("im2col: a filter of " + filter + " does not fit an input of " + in
                    + " with pad " + pad);
        }
        long out = (padded - filter) / stride + 1;
        if (out > Shapes.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("im2col: an input of " + in + " with pad " + pad + " and stride "
                    + stride + " gives " + out + " windows along one axis, more than a Java array holds");
        }
        return (int) out;
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
        long rows = Shapes.elements(xs[0], oh, ow);
        long cols = Shapes.elements(xs[1], fh, fw);
        if (Shapes.elements(xs[0], oh, ow, xs[1], fh, fw) > Shapes.MAX_ARRAY_LENGTH) {
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

    /** Moves the windows from image to columns ({@code forward}) or adds them back, on the worker pool. */
    private static void copy(boolean forward, Tensor img, Tensor col, int[] xs, int fh, int fw, int stride,
                             int pad) {
        if (img.dtype() == DType.FLOAT32) {
            WindowCopy.run(forward, img.floatArray(), img.offset(), col.floatArray(), col.offset(), xs, fh, fw,
                    stride, pad, Parallelism.threads());
        } else {
            WindowCopy.run(forward, img.doubleArray(), img.offset(), col.doubleArray(), col.offset(), xs, fh, fw,
                    stride, pad, Parallelism.threads());
        }
    }
}
