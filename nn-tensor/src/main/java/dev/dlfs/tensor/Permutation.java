package dev.dlfs.tensor;

/** Copies of a tensor with its axes reordered: {@link Tensor#permute} and {@link Tensor#transpose}. */
final class Permutation {
    private Permutation() {
    }

    /** A copy whose axis {@code i} is axis {@code axes[i]} of {@code t}, like {@code np.transpose(t, axes)}. */
    static Tensor permute(Tensor t, int[] axes) {
        int[] shape = t.shapeView();
        int rank = shape.length;
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute: " + axes.length + " axes given for a tensor of shape "
                    + Shapes.format(shape));
        }
        boolean[] seen = new boolean[rank];
        int[] outShape = new int[rank];
        int[] stride = new int[rank];
        int[] inStride = new int[rank];
        for (int ax = rank - 1, st = 1; ax >= 0; ax--) {
            inStride[ax] = st;
            st *= shape[ax];
        }
        for (int i = 0; i < rank; i++) {
            int ax = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (ax < 0 || ax >= rank || seen[ax]) {
                throw new IllegalArgumentException("permute: axes " + java.util.Arrays.toString(axes)
                        + " are not a permutation of the axes of shape " + Shapes.format(shape));
            }
            seen[ax] = true;
            outShape[i] = shape[ax];
            stride[i] = inStride[ax];
        }
        Tensor out = Tensor.zeros(t.dtype(), outShape);
        if (out.size() == 0) {
            return out;
        }
        if (rank == 0) {
            return t.copy();
        }
        int n = outShape[rank - 1];
        int step = stride[rank - 1];
        int[] idx = new int[rank];
        int src = 0;
        for (int dst = 0; dst < out.size(); dst += n) {
            copyStrided(t, src, step, out, dst, n);
            for (int ax = rank - 2; ax >= 0; ax--) {
                idx[ax]++;
                src += stride[ax];
                if (idx[ax] < outShape[ax]) {
                    break;
                }
                src -= stride[ax] * outShape[ax];
                idx[ax] = 0;
            }
        }
        return out;
    }

    /** The transpose of a matrix, as a copy. */
    static Tensor transpose(Tensor t) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException("transpose: needs a 2-D tensor, got " + t.describe()
                    + " (use permute for other ranks)");
        }
        return permute(t, new int[] {1, 0});
    }

    private static void copyStrided(Tensor src, int from, int step, Tensor dst, int to, int n) {
        if (src.dtype() == DType.FLOAT32) {
            float[] a = src.floatArray();
            float[] o = dst.floatArray();
            for (int j = 0, s = src.offset() + from; j < n; j++, s += step) {
                o[dst.offset() + to + j] = a[s];
            }
        } else {
            double[] a = src.doubleArray();
            double[] o = dst.doubleArray();
            for (int j = 0, s = src.offset() + from; j < n; j++, s += step) {
                o[dst.offset() + to + j] = a[s];
            }
        }
    }
}
