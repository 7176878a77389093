package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.util.Arrays;

/**
 * How a target relates to its prediction, with the checks that make bad targets clear errors.
 *
 * <p>The batch is axis 0 (a tensor of rank 0 or 1 is one sample, as in the book's {@code cross_entropy_error}) and the
 * classes are the last axis. A target is either <em>values</em> of the prediction's own shape and dtype (one-hot
 * rows, probabilities, regression targets) or <em>class indices</em>: whole numbers in {@code [0, classes)} shaped
 * like the prediction without its last axis, of either dtype.
 */
public final class Targets {
    private Targets() {
    }

    /** The number of samples the loss is averaged over: {@code y.dim(0)}, or 1 for rank 0 and 1. */
    public static int batchSize(Tensor y) {
        return y.rank() >= 2 ? y.dim(0) : 1;
    }

    /** Fails unless {@code y} holds at least one element. */
    public static void requireNonEmpty(String op, Tensor y) {
        if (y.size() == 0) {
            throw new IllegalArgumentException(op + ": prediction " + y.describe() + " is empty");
        }
    }

    /**
     * Whether {@code t} holds class indices for {@code y} (true) or values of {@code y}'s shape (false).
     *
     * @throws IllegalArgumentException if it is neither, or if values differ from {@code y} in dtype
     */
    public static boolean areIndices(String op, Tensor y, Tensor t) {
        if (sameShape(y, t)) {
            if (t.dtype() != y.dtype()) {
                throw new IllegalArgumentException(op + ": prediction " + y.describe() + " and target "
                        + t.describe() + " differ in dtype");
            }
            return false;
        }
        int r = y.rank();
        if (r >= 1) {
            boolean leading = t.rank() == r - 1;
            for (int a = 0; leading && a < r - 1; a++) {
                leading = t.dim(a) == y.dim(a);
            }
            if (leading || (r == 1 && t.rank() == 1 && t.size() == 1)) {
                return true;
            }
        }
        throw mismatch(op, y, t);
    }

    static IllegalArgumentException mismatch(String op, Tensor y, Tensor t) {
        int[] ys = y.shape();
        String indices = ys.length == 0 ? ""
                : " or class indices of shape " + Shapes.format(Arrays.copyOf(ys, ys.length - 1));
        return new IllegalArgumentException(op + ": prediction " + Shapes.format(ys) + " and target "
                + Shapes.format(t.shape()) + " do not fit: the target must have the prediction's shape "
                + Shapes.format(ys) + indices);
    }

    /**
     * The class indices in {@code t}, checked to be whole numbers in {@code [0, classes)}; written into
     * {@code reuse} when it has the right length.
     */
    public static int[] labels(String op, Tensor t, int classes, int[] reuse) {
        int n = t.size();
        int[] out = reuse != null && reuse.length == n ? reuse : new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = label(op, t.getFlat(i), i, classes);
        }
        return out;
    }

    private static int label(String op, double v, int row, int classes) {
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(op + ": label " + v + " at row " + row + " is not a whole number");
        }
        if (v < 0 || v >= classes) {
            throw new IllegalArgumentException(op + ": label " + (long) v + " at row " + row + " is outside [0, "
                    + classes + ")");
        }
        return (int) v;
    }

    /** Writes the one-hot rows of {@code labels} into {@code out} (shape rows × classes, any dtype). */
    public static void oneHot(int[] labels, Tensor out) {
        out.fill(0);
        int classes = out.size() / labels.length;
        for (int r = 0; r < labels.length; r++) {
            out.setFlat(r * classes + labels[r], 1);
        }
    }

    /** Fails unless every row (along the last axis) of {@code t} sums to 1, as one-hot and probability rows do. */
    public static void requireRowsSumToOne(String op, Tensor t) {
        int classes = t.rank() == 0 ? 1 : t.dim(-1);
        int rows = t.size() / classes;
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = 0; j < classes; j++) {
                s += t.getFlat(r * classes + j);
            }
            if (!(Math.abs(s - 1) <= 1e-3)) {
                throw new IllegalArgumentException(op + ": target row " + r + " sums to " + s
                        + ", not 1; targets of the prediction's shape must be one-hot or probability rows");
            }
        }
    }

    /** Fails unless every element of {@code t} is in [0, 1]. */
    static void requireProbabilities(String op, Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            double v = t.getFlat(i);
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(op + ": target " + v + " at flat index " + i
                        + " is outside [0, 1]");
            }
        }
    }

    /** Same shape, without copying either shape array. */
    static boolean sameShape(Tensor a, Tensor b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int i = 0; i < a.rank(); i++) {
            if (a.dim(i) != b.dim(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code workspace} if it has {@code like}'s dtype and shape, else a new zero tensor that has. */
    public static Tensor workspace(Tensor workspace, Tensor like) {
        return workspace != null && workspace.dtype() == like.dtype() && sameShape(workspace, like)
                ? workspace : Tensor.zerosLike(like);
    }
}
