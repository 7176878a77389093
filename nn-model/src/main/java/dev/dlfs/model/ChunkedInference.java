package dev.dlfs.model;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;

/**
 * Inference over whole data sets in large chunks: big matrix products run fast, and the chunk size bounds the
 * memory the layers' buffers take (a chunk holds at most about {@value #CHUNK_VALUES} activations per layer).
 */
final class ChunkedInference {
    static final int CHUNK_VALUES = 1 << 22;

    private ChunkedInference() {
    }

    /** Rows per chunk for this network: as many as fit {@link #CHUNK_VALUES} values in its widest layer. */
    static int chunkRows(Network net) {
        long widest = Shapes.size(net.inputShape());
        for (NamedLayer l : net.layers()) {
            widest = Math.max(widest, Shapes.size(l.outputShape()));
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, CHUNK_VALUES / widest));
    }

    static Tensor predict(Network net, Tensor x) {
        int n = x.dim(0);
        int[] out = net.outputShape();
        int[] shape = new int[out.length + 1];
        shape[0] = n;
        System.arraycopy(out, 0, shape, 1, out.length);
        Tensor result = Tensor.zeros(net.dtype(), shape);
        int step = chunkRows(net);
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            result.rows(from, to).copyFrom(net.forward(x.rows(from, to), false));
        }
        return result;
    }

    static int countCorrect(Network net, Tensor x, Tensor t) {
        int n = x.dim(0);
        int classes = Shapes.size(net.outputShape());
        int[] labels = labels(t, n, classes);
        int correct = 0;
        int step = chunkRows(net);
        int[] predicted = new int[Math.min(n, step)];
        for (int from = 0; from < n; from += step) {
            int to = Math.min(n, from + step);
            Tensor y = net.forward(x.rows(from, to), false);
            rowArgmax(y, to - from, classes, predicted);
            for (int i = 0; i < to - from; i++) {
                if (predicted[i] == labels[from + i]) {
                    correct++;
                }
            }
        }
        return correct;
    }

    /**
     * The column of each row's largest value (the first on ties, as {@code np.argmax}) of a contiguous
     * {@code rows × cols} tensor: a plain loop, since evaluations call it on every chunk of every data set.
     */
    static void rowArgmax(Tensor y, int rows, int cols, int[] out) {
        int off = y.offset();
        if (y.dtype() == DType.FLOAT32) {
            float[] a = y.floatArray();
            for (int r = 0, base = off; r < rows; r++, base += cols) {
                int best = 0;
                float max = a[base];
                for (int k = 1; k < cols; k++) {
                    if (a[base + k] > max) {
                        max = a[base + k];
                        best = k;
                    }
                }
                out[r] = best;
            }
        } else {
            double[] a = y.doubleArray();
            for (int r = 0, base = off; r < rows; r++, base += cols) {
                int best = 0;
                double max = a[base];
                for (int k = 1; k < cols; k++) {
                    if (a[base + k] > max) {
                        max = a[base + k];
                        best = k;
                    }
                }
                out[r] = best;
            }
        }
    }

    /** Class indices from index targets {@code (N,)} or one-hot rows {@code (N, classes)}. */
    static int[] labels(Tensor t, int n, int classes) {
        if (t.dim(0) != n) {
            throw new IllegalArgumentException("accuracy: " + n + " samples but targets " + t.describe());
        }
        if (t.rank() == 2 && t.dim(1) == classes && classes > 1) {
            int[] out = new int[n];
            rowArgmax(t, n, classes, out);
            return out;
        }
        if (t.rank() == 1 || t.rank() == 2 && t.dim(1) == 1) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                double v = t.getFlat(i);
                if (v != Math.rint(v) || v < 0 || v >= classes) {
                    throw new IllegalArgumentException("accuracy: target " + v + " of sample " + i
                            + " is not a class index below " + classes);
                }
                out[i] = (int) v;
            }
            return out;
        }
        throw new IllegalArgumentException("accuracy: targets " + t.describe() + " are neither class indices (N,) nor"
                + " one-hot rows (N, " + classes + ")");
    }
}
