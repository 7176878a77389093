package dev.dlfs.tensor.io;

/** Reorders array elements from Fortran (column-major) order, as NumPy may store them, to C (row-major) order. */
final class FortranOrder {
    private FortranOrder() {
    }

    /** The elements of {@code data} (each {@code width} bytes, column-major for {@code shape}) in row-major order. */
    static byte[] toC(byte[] data, int[] shape, int width) {
        int rank = shape.length;
        if (rank < 2) {
            return data;
        }
        // stride[a]: how far apart (in elements) neighbours along axis a are in column-major storage.
        long[] stride = new long[rank];
        long s = 1;
        for (int a = 0; a < rank; a++) {
            stride[a] = s;
            s *= shape[a];
        }
        byte[] out = new byte[data.length];
        int[] index = new int[rank];
        int n = data.length / width;
        long from = 0;
        for (int to = 0; to < n; to++) {
            System.arraycopy(data, (int) from * width, out, to * width, width);
            // Next row-major index: the last axis moves fastest.
            for (int a = rank - 1; a >= 0; a--) {
                if (++index[a] < shape[a]) {
                    from += stride[a];
                    break;
                }
                from -= stride[a] * (shape[a] - 1);
                index[a] = 0;
            }
        }
        return out;
    }
}
