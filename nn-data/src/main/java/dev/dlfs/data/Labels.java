package dev.dlfs.data;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/** Class labels as target tensors: indices {@code (N,)} or one-hot rows {@code (N, classes)}, and back. */
public final class Labels {
    private Labels() {
    }

    /** Class indices as an {@code (N,)} tensor, the book's {@code one_hot_label=False}. */
    public static Tensor indices(int[] labels, DType dtype) {
        Tensor t = Tensor.zeros(dtype, labels.length);
        for (int i = 0; i < labels.length; i++) {
            t.setFlat(i, labels[i]);
        }
        return t;
    }

    /** One-hot rows {@code (N, classes)}: row i is 1 at column {@code labels[i]}, 0 elsewhere. */
    public static Tensor oneHot(int[] labels, int classes, DType dtype) {
        Tensor t = Tensor.zeros(dtype, labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("oneHot: label " + labels[i] + " at index " + i
                        + " is out of range [0, " + classes + ")");
            }
            t.setFlat(i * classes + labels[i], 1.0);
        }
        return t;
    }

    /** Indices or one-hot rows, as the flag says. */
    public static Tensor targets(int[] labels, int classes, boolean oneHot, DType dtype) {
        return oneHot ? oneHot(labels, classes, dtype) : indices(labels, dtype);
    }

    /** The class index of each sample from indices {@code (N,)} or one-hot rows {@code (N, C)} (the hot column). */
    public static int[] of(Tensor targets) {
        int n = targets.dim(0);
        int[] out = new int[n];
        if (targets.rank() == 1) {
            for (int i = 0; i < n; i++) {
                double v = targets.getFlat(i);
                if (v < 0 || v != Math.rint(v)) {
                    throw new IllegalArgumentException("Labels.of: target " + v + " at index " + i
                            + " is not a class index");
                }
                out[i] = (int) v;
            }
            return out;
        }
        if (targets.rank() != 2) {
            throw new IllegalArgumentException("Labels.of: targets " + targets.describe()
                    + " are neither indices (N,) nor one-hot rows (N, classes)");
        }
        int c = targets.dim(1);
        for (int i = 0; i < n; i++) {
            int hot = 0;
            for (int j = 1; j < c; j++) {
                if (targets.getFlat(i * c + j) > targets.getFlat(i * c + hot)) {
                    hot = j;
                }
            }
            out[i] = hot;
        }
        return out;
    }
}
