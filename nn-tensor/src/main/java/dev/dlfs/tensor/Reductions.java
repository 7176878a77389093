package dev.dlfs.tensor;

/**
 * Checks and dispatch for {@link Tensor}'s reductions. A reduction over one axis sees the tensor as
 * {@code (outer, n, inner)}: over the last axis ({@code inner == 1}) each row reduces in vector lanes; over any other
 * axis whole rows of length {@code inner} combine element-wise, which vectorises across columns (the bias gradient
 * {@code sum(axis 0)} is the common case).
 */
final class Reductions {
    private Reductions() {
    }

    /** Sum, max or min of every element. */
    static double all(String name, BinaryOp op, Tensor t) {
        if (t.size() == 0 && op != BinaryOp.ADD) {
            throw new IllegalArgumentException(name + ": tensor " + t.describe() + " is empty");
        }
        return t.dtype() == DType.FLOAT32
                ? FloatReductions.reduce(op, t.floatArray(), t.offset(), t.size())
                : DoubleReductions.reduce(op, t.doubleArray(), t.offset(), t.size());
    }

    /** Sum, max or min over one axis (mean: the sum divided by the axis length). */
    static Tensor axis(String name, BinaryOp op, boolean mean, Tensor t, int axis, boolean keepDims, Tensor out) {
        int[] shape = t.shapeView();
        int ax = Shapes.axis(name, axis, shape.length);
        int n = shape[ax];
        if (n == 0 && op != BinaryOp.ADD) {
            throw new IllegalArgumentException(name + ": axis " + axis + " of " + t.describe() + " is empty");
        }
        int[] reduced = out != null && isReduced(out.shapeView(), shape, ax, keepDims) ? out.shapeView()
                : reducedShape(shape, ax, keepDims);
        out = Elementwise.checkedOut(name, out, t.dtype(), reduced);
        int inner = 1;
        for (int i = ax + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int outer = out.size() / Math.max(1, inner);
        if (inner == 1) {
            for (int r = 0; r < outer; r++) {
                out.setFlat(r, reduceRow(op, t, r * n, n));
            }
        } else if (n == 0) {
            out.fill(0);
        } else {
            for (int r = 0; r < outer; r++) {
                Elementwise.copy(t, r * n * inner, out, r * inner, inner);
                for (int i = 1; i < n; i++) {
                    Elementwise.vv(op, out, r * inner, t, (r * n + i) * inner, out, r * inner, inner);
                }
            }
        }
        if (mean) {
            Elementwise.scalar(name, BinaryOp.DIV, out, n, out);
        }
        return out;
    }

    /** Row-major indices of the largest element along {@code axis} (the first one on ties; NaN counts as largest). */
    static int[] argmax(Tensor t, int axis) {
        int[] shape = t.shapeView();
        int ax = Shapes.axis("argmax", axis, shape.length);
        int n = shape[ax];
        if (n == 0) {
            throw new IllegalArgumentException("argmax: axis " + axis + " of " + t.describe() + " is empty");
        }
        int inner = 1;
        for (int i = ax + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int[] result = new int[t.size() / n];
        for (int k = 0; k < result.length; k++) {
            int base = (k / inner) * n * inner + k % inner;
            result[k] = argmax(t, base, n, inner);
        }
        return result;
    }

    /** Flat index of the largest element (the first one on ties; NaN counts as largest). */
    static int argmaxAll(Tensor t) {
        if (t.size() == 0) {
            throw new IllegalArgumentException("argmaxAll: tensor " + t.describe() + " is empty");
        }
        return argmax(t, 0, t.size(), 1);
    }

    /** Softmax along the last axis of {@code t}, into {@code out} (allocated if null). */
    static Tensor softmax(Tensor t, Tensor out) {
        if (t.rank() == 0) {
            throw new IllegalArgumentException("softmax: needs at least one axis, got a scalar " + t.describe());
        }
        out = Elementwise.checkedOut("softmax", out, t.dtype(), t.shapeView());
        int n = Broadcast.rowLength(t.shapeView());
        int rows = n == 0 ? 0 : t.size() / n;
        if (t.dtype() == DType.FLOAT32) {
            FloatReductions.softmax(t.floatArray(), t.offset(), out.floatArray(), out.offset(), rows, n);
        } else {
            DoubleReductions.softmax(t.doubleArray(), t.offset(), out.doubleArray(), out.offset(), rows, n);
        }
        return out;
    }

    private static double reduceRow(BinaryOp op, Tensor t, int start, int n) {
        return t.dtype() == DType.FLOAT32
                ? FloatReductions.reduce(op, t.floatArray(), t.offset() + start, n)
                : DoubleReductions.reduce(op, t.doubleArray(), t.offset() + start, n);
    }

    private static int argmax(Tensor t, int base, int n, int step) {
        int best = 0;
        double bestValue = t.getFlat(base);
        for (int i = 1; i < n && !Double.isNaN(bestValue); i++) {
            double v = t.getFlat(base + i * step);
            if (v > bestValue || Double.isNaN(v)) {
                best = i;
                bestValue = v;
            }
        }
        return best;
    }

    /** True if {@code r} is {@code shape} reduced over {@code ax}; allocates nothing, for the out forms. */
    private static boolean isReduced(int[] r, int[] shape, int ax, boolean keepDims) {
        if (r.length != (keepDims ? shape.length : shape.length - 1)) {
            return false;
        }
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i == ax && !keepDims) {
                continue;
            }
            if (r[k++] != (i == ax ? 1 : shape[i])) {
                return false;
            }
        }
        return true;
    }

    private static int[] reducedShape(int[] shape, int ax, boolean keepDims) {
        if (keepDims) {
            int[] s = shape.clone();
            s[ax] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        System.arraycopy(shape, 0, s, 0, ax);
        System.arraycopy(shape, ax + 1, s, ax, shape.length - ax - 1);
        return s;
    }
}
