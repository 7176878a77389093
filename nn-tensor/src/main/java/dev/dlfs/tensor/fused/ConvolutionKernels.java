package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;

/**
 * The convolution layer's moves between the layout of its matrix product, one row per output pixel
 * {@code (N·OH·OW, FN)}, and NCHW's {@code (N, FN, OH, OW)}; and its bias gradient. Allocation-free.
 */
public final class ConvolutionKernels {
    private ConvolutionKernels() {
    }

    /**
     * {@code out[n][c][p] = rows[n·P + p][c] + bias[c]} for out of (N, C, …) with P values per plane (no bias if
     * null): the book's {@code reshape(N, OH, OW, -1).transpose(0, 3, 1, 2)}, with the bias added on the way.
     */
    public static Tensor rowsToChannels(Tensor rows, Tensor bias, Tensor out) {
        String op = "convolution rows to channels";
        int plane = plane(op, out);
        int n = out.dim(0);
        int c = out.dim(1);
        rowsFit(op, rows, out, n, c, plane);
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != c || bias.dtype() != out.dtype())) {
            throw new IllegalArgumentException(op + ": bias " + bias.describe() + " does not fit out "
                    + out.describe() + ": expected " + out.dtype() + Shapes.format(c));
        }
        int bo = bias == null ? 0 : bias.offset();
        if (out.dtype() == DType.FLOAT32) {
            FloatConvolutions.transposeBlocks(rows.floatArray(), rows.offset(), bias == null ? null
                    : bias.floatArray(), bo, out.floatArray(), out.offset(), n, plane, c);
        } else {
            DoubleConvolutions.transposeBlocks(rows.doubleArray(), rows.offset(), bias == null ? null
                    : bias.doubleArray(), bo, out.doubleArray(), out.offset(), n, plane, c);
        }
        return out;
    }

    /**
     * {@code out[n·P + p][c] = x[n][c][p]} for x of (N, C, …) with P values per plane: the book's
     * {@code transpose(0, 2, 3, 1).reshape(-1, FN)}.
     */
    public static Tensor channelsToRows(Tensor x, Tensor out) {
        String op = "convolution channels to rows";
        int plane = plane(op, x);
        int n = x.dim(0);
        int c = x.dim(1);
        rowsFit(op, out, x, n, c, plane);
        if (x.dtype() == DType.FLOAT32) {
            FloatConvolutions.transposeBlocks(x.floatArray(), x.offset(), null, 0, out.floatArray(), out.offset(), n,
                    c, plane);
        } else {
            DoubleConvolutions.transposeBlocks(x.doubleArray(), x.offset(), null, 0, out.doubleArray(), out.offset(),
                    n, c, plane);
        }
        return out;
    }

    /**
     * {@code out[c] = Σ_n Σ_p x[n][c][p]} for x of (N, C, …): the bias gradient. Each plane is summed in
     * {@link dev.dlfs.tensor.simd.FloatSum}'s or {@link dev.dlfs.tensor.simd.DoubleSum}'s fixed order and the planes
     * are added in float64 in batch order, so the result has the same bits at every vector width.
     */
    public static Tensor channelSums(Tensor x, Tensor out) {
        String op = "convolution channel sums";
        int plane = plane(op, x);
        int n = x.dim(0);
        int c = x.dim(1);
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

    /** The values per plane of a (N, C, …) tensor. */
    private static int plane(String op, Tensor t) {
        if (t.rank() < 2) {
            throw new IllegalArgumentException(op + ": " + t.describe() + " is not (N, C, …)");
        }
        int blocks = t.dim(0) * t.dim(1);
        return blocks == 0 ? 0 : t.size() / blocks;
    }

    /** Fails unless {@code rows} is (N·P, C) of the dtype of {@code channels}. */
    private static void rowsFit(String op, Tensor rows, Tensor channels, int n, int c, int plane) {
        if (rows.rank() != 2 || rows.dim(0) != n * plane || rows.dim(1) != c || rows.dtype() != channels.dtype()) {
            throw new IllegalArgumentException(op + ": " + rows.describe() + " does not fit " + channels.describe()
                    + ": expected rows " + channels.dtype() + Shapes.format(n * plane, c));
        }
    }
}
