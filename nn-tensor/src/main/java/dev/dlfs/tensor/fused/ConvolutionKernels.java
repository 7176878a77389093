package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Im2col;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;

/**
 * The convolution layer's arithmetic on NCHW batches, image by image: one matrix product per image, filters times
 * the image's column matrix (the book's im2col of one image, its rows the filter positions, a few hundred KB that
 * stay in cache), writes that image's output planes in NCHW directly, so nothing is transposed and no column matrix
 * of the whole batch is kept. Images run in parallel; allocation-free once warm.
 *
 * <p>Measured and dropped: reading the column matrix straight from the image while the product packs its panels
 * (never writing it out) was slower on DeepConvNet (2.5 s against 2.05 s a warm test-set pass on Zen 5): the
 * panels cut each output row into pieces of a strip's width, and the bookkeeping per piece outweighed the copy.
 *
 * <p>Bits: an output element is the same sum, in the same order, as the book's whole-batch im2col product gives it,
 * and so is an input-gradient element at strides above 1. At stride 1 the input gradient is the convolution of the
 * output gradient with the flipped filters (one product with a long sum, no col2im), summed in that order. The
 * weight gradient sums the images in fixed groups of
 * {@value ConvolutionJob#IMAGES_PER_GROUP} (each group in image order, then the groups in order), so it does not
 * depend on the thread count either.
 */
public final class ConvolutionKernels {
    private ConvolutionKernels() {
    }

    /**
     * The shape of one convolution: images of channels × h × w, filters of fh × fw moved by sh (down) and sw
     * (across) over the images padded with zeros by ph rows above and below and pw columns left and right.
     */
    public record Geometry(int channels, int h, int w, int fh, int fw, int sh, int sw, int ph, int pw) {
        /** Fails unless every size and stride is at least 1, the pads at least 0, and the filter fits. */
        public Geometry {
            if (channels < 1 || h < 1 || w < 1) {
                throw new IllegalArgumentException("convolution: images of " + channels + "×" + h + "×" + w
                        + " must have at least one channel, row and column");
            }
            int oh = Im2col.outputSize(h, fh, sh, ph);   // each fails with a message naming the sizes
            int ow = Im2col.outputSize(w, fw, sw, pw);
            if (Shapes.elements(channels, fh, fw, oh, ow) > Shapes.MAX_ARRAY_LENGTH) {
                throw new IllegalArgumentException("convolution: one image's windows, " + channels + "×" + fh + "×"
                        + fw + " values each, are more than a Java array holds");
            }
        }

        /** Output rows: {@code (h + 2·ph − fh) / sh + 1}. */
        public int oh() {
            return (h + 2 * ph - fh) / sh + 1;
        }

        /** Output columns: {@code (w + 2·pw − fw) / sw + 1}. */
        public int ow() {
            return (w + 2 * pw - fw) / sw + 1;
        }

        /** Values per filter: {@code channels · fh · fw}, the length of a product's sums. */
        int k() {
            return channels * fh * fw;
        }

        /** Output values per plane. */
        int plane() {
            return oh() * ow();
        }
    }

    /**
     * {@code y = x ⊛ W + b}: x (N, C, H, W), filters W (FN, C, FH, FW), biases b (FN), y (N, FN, OH, OW), one dtype.
     * Returns {@code y}.
     */
    public static Tensor forward(Tensor x, Tensor w, Tensor b, Geometry g, Tensor y) {
        return forward(x, w, b, g, y, false);
    }

    /**
     * {@code y = x ⊛ W + b} as {@link #forward(Tensor, Tensor, Tensor, Geometry, Tensor)}, then, if {@code rectify},
     * {@code y = max(y, 0)} in the same pass (the bits of a ReLU layer applied after it). Returns {@code y}.
     */
    public static Tensor forward(Tensor x, Tensor w, Tensor b, Geometry g, Tensor y, boolean rectify) {
        String op = "convolution";
        int n = checkImages(op, "x", x, g);
        int filters = checkFilters(op, w, b, g, x.dtype());
        checkOutput(op, "y", y, n, filters, g, x.dtype());
        ConvolutionJob.forward(x, w, b, y, g, n, filters, rectify);
        return y;
    }

    /**
     * From the output gradient {@code dy} (N, FN, OH, OW) and the forward pass's input {@code x}: the filter gradient
     * {@code dw} (FN, C, FH, FW), the bias gradient {@code db} (FN), both overwritten, and, unless {@code dx} is null,
     * the input gradient {@code dx} (x's shape, overwritten).
     */
    public static void backward(Tensor x, Tensor w, Tensor dy, Geometry g, Tensor dw, Tensor db, Tensor dx) {
        String op = "convolution backward";
        int n = checkImages(op, "x", x, g);
        int filters = checkFilters(op, w, db, g, x.dtype());
        checkOutput(op, "dy", dy, n, filters, g, x.dtype());
        Operands.requireLike(op, "dw", dw, "W", w);
        if (dx != null) {
            Operands.requireLike(op, "dx", dx, "x", x);
        }
        channelSums(dy, db);
        ConvolutionJob.backward(x, w, dy, dw, dx, g, n, filters);
    }

    /**
     * {@code out[c] = Σ_n Σ_p x[n][c][p]} for x of (N, C, …): the bias gradient. Each plane is summed in
     * {@link dev.dlfs.tensor.simd.FloatSum}'s or {@link dev.dlfs.tensor.simd.DoubleSum}'s fixed order and the planes
     * are added in float64 in batch order, so the result has the same bits at every vector width.
     */
    public static Tensor channelSums(Tensor x, Tensor out) {
        String op = "convolution channel sums";
        if (x.rank() < 2) {
            throw new IllegalArgumentException(op + ": " + x.describe() + " is not (N, C, …)");
        }
        int n = x.dim(0);
        int c = x.dim(1);
        int plane = n * c == 0 ? 0 : x.size() / (n * c);
        if (out.rank() != 1 || out.dim(0) != c || out.dtype() != x.dtype()) {
            throw new IllegalArgumentException(op + ": out " + out.describe() + " does not fit " + x.describe()
                    + ": expected " + x.dtype() + Shapes.format(c));
        }
        if (x.dtype() == DType.FLOAT32) {
            FloatConvolutions.channelSums(x.floatArray(), x.offset(), n, c, plane, out.floatArray(), out.offset());
        } else {
            DoubleConvolutions.channelSums(x.doubleArray(), x.offset(), n, c, plane, out.doubleArray(), out.offset());
        }
        return out;
    }

    /** The batch size, after checking that {@code t} is (N, C, H, W) for the geometry. */
    private static int checkImages(String op, String name, Tensor t, Geometry g) {
        if (t.rank() != 4 || t.dim(1) != g.channels() || t.dim(2) != g.h() || t.dim(3) != g.w()) {
            throw new IllegalArgumentException(op + ": " + name + " is " + t.describe() + ", expected (N, "
                    + g.channels() + ", " + g.h() + ", " + g.w() + ")");
        }
        return t.dim(0);
    }

    /** The filter count, after checking W (FN, C, FH, FW) and b (FN) against the geometry and the dtype. */
    private static int checkFilters(String op, Tensor w, Tensor b, Geometry g, DType dtype) {
        if (w.rank() != 4 || w.dim(1) != g.channels() || w.dim(2) != g.fh() || w.dim(3) != g.fw()
                || w.dtype() != dtype || b.rank() != 1 || b.dim(0) != w.dim(0) || b.dtype() != dtype) {
            throw new IllegalArgumentException(op + ": filters " + w.describe() + " and biases " + b.describe()
                    + " do not fit: expected " + dtype + " (FN, " + g.channels() + ", " + g.fh() + ", " + g.fw()
                    + ") and (FN)");
        }
        return w.dim(0);
    }

    private static void checkOutput(String op, String name, Tensor t, int n, int filters, Geometry g, DType dtype) {
        if (t.rank() != 4 || t.dim(0) != n || t.dim(1) != filters || t.dim(2) != g.oh() || t.dim(3) != g.ow()
                || t.dtype() != dtype) {
            throw new IllegalArgumentException(op + ": " + name + " is " + t.describe() + ", expected " + dtype
                    + Shapes.format(n, filters, g.oh(), g.ow()));
        }
    }
}
