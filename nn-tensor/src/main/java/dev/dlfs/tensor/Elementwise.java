package dev.dlfs.tensor;

import java.util.Arrays;

/**
 * Checks and dispatch for {@link Tensor}'s element-wise operations: validates dtypes and shapes with messages that
 * name the operation, then hands contiguous runs to {@link FloatElementwise} or {@link DoubleElementwise}. The common
 * layouts (same shape, a scalar, a bias row, a per-row column) take paths that allocate nothing.
 */
final class Elementwise {
    private Elementwise() {
    }

    /** {@code a op b} with broadcasting, into {@code out} (allocated if null). */
    static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b, Tensor out) {
        sameDtype(name, a, b);
        int[] shape = out != null && Broadcast.yields(a.shapeView(), b.shapeView(), out.shapeView())
                ? out.shapeView() : Broadcast.shape(name, a.shapeView(), b.shapeView());
        out = checkedOut(name, out, a.dtype(), shape);
        apply(op, a, b, out);
        return out;
    }

    /** {@code a = a op b}, where {@code b} must broadcast to the shape of {@code a}. */
    static Tensor binaryInPlace(String name, BinaryOp op, Tensor a, Tensor b) {
        sameDtype(name, a, b);
        if (!Broadcast.yields(a.shapeView(), b.shapeView(), a.shapeView())) {
            int[] shape = Broadcast.shape(name, a.shapeView(), b.shapeView());
            throw new IllegalArgumentException(name + ": shapes " + Shapes.format(a.shapeView()) + " and "
                    + Shapes.format(b.shapeView()) + " broadcast to " + Shapes.format(shape)
                    + ", which does not fit in place into " + Shapes.format(a.shapeView()));
        }
        apply(op, a, b, a);
        return a;
    }

    /** {@code a op s} into {@code out} (allocated if null). */
    static Tensor scalar(String name, BinaryOp op, Tensor a, double s, Tensor out) {
        out = checkedOut(name, out, a.dtype(), a.shapeView());
        vs(op, a, 0, s, out, 0, a.size());
        return out;
    }

    /** {@code op(a)} into {@code out} (allocated if null). */
    static Tensor unary(String name, UnaryOp op, Tensor a, Tensor out) {
        out = checkedOut(name, out, a.dtype(), a.shapeView());
        if (a.dtype() == DType.FLOAT32) {
            FloatElementwise.unary(op, a.floatArray(), a.offset(), out.floatArray(), out.offset(), a.size());
        } else {
            DoubleElementwise.unary(op, a.doubleArray(), a.offset(), out.doubleArray(), out.offset(), a.size());
        }
        return out;
    }

    /** {@code a += alpha·b}; same shape and dtype. */
    static void addScaled(Tensor a, double alpha, Tensor b) {
        String name = "addScaledInPlace";
        sameDtype(name, a, b);
        if (!Arrays.equals(a.shapeView(), b.shapeView())) {
            throw new IllegalArgumentException(name + ": shapes " + Shapes.format(a.shapeView()) + " and "
                    + Shapes.format(b.shapeView()) + " differ");
        }
        if (a.dtype() == DType.FLOAT32) {
            FloatElementwise.addScaled(a.floatArray(), a.offset(), (float) alpha, b.floatArray(), b.offset(), a.size());
        } else {
            DoubleElementwise.addScaled(a.doubleArray(), a.offset(), alpha, b.doubleArray(), b.offset(), a.size());
        }
    }

    /** {@code mask != 0 ? x : y}, all three broadcast together, into {@code out} (allocated if null). */
    static Tensor where(Tensor mask, Tensor x, Tensor y, Tensor out) {
        String name = "where";
        sameDtype(name, mask, x);
        sameDtype(name, x, y);
        boolean same = Arrays.equals(mask.shapeView(), x.shapeView()) && Arrays.equals(x.shapeView(), y.shapeView());
        int[] shape = same ? x.shapeView()
                : Broadcast.shape(name, Broadcast.shape(name, mask.shapeView(), x.shapeView()), y.shapeView());
        out = checkedOut(name, out, x.dtype(), shape);
        int n = Broadcast.rowLength(shape);
        if (same && x.dtype() == DType.FLOAT32) {
            FloatElementwise.where(mask.floatArray(), mask.offset(), x.floatArray(), x.offset(), y.floatArray(),
                    y.offset(), out.floatArray(), out.offset(), out.size());
        } else if (same) {
            DoubleElementwise.where(mask.doubleArray(), mask.offset(), x.doubleArray(), x.offset(), y.doubleArray(),
                    y.offset(), out.doubleArray(), out.offset(), out.size());
        } else {
            int[] ms = Broadcast.rowStarts(mask.shapeView(), shape);
            int[] xs = Broadcast.rowStarts(x.shapeView(), shape);
            int[] ys = Broadcast.rowStarts(y.shapeView(), shape);
            int mStep = Broadcast.rowStep(mask.shapeView());
            int xStep = Broadcast.rowStep(x.shapeView());
            int yStep = Broadcast.rowStep(y.shapeView());
            for (int r = 0; r < ms.length; r++) {
                for (int j = 0; j < n; j++) {
                    boolean m = mask.getFlat(ms[r] + j * mStep) != 0;
                    out.setFlat(r * n + j, m ? x.getFlat(xs[r] + j * xStep) : y.getFlat(ys[r] + j * yStep));
                }
            }
        }
        return out;
    }

    /** Fails unless both operands have one dtype: arithmetic never converts silently. */
    static void sameDtype(String name, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(name + ": dtypes " + a.dtype() + " and " + b.dtype()
                    + " differ (convert one with to(dtype))");
        }
    }

    /** {@code out} if it has the result's dtype and shape, a new tensor if it is null, otherwise an error. */
    static Tensor checkedOut(String name, Tensor out, DType dtype, int[] shape) {
        if (out == null) {
            return Tensor.zeros(dtype, shape);
        }
        if (out.dtype() != dtype) {
            throw new IllegalArgumentException(name + ": out is " + out.dtype() + " but the result is " + dtype);
        }
        if (!Arrays.equals(out.shapeView(), shape)) {
            throw new IllegalArgumentException(name + ": out has shape " + Shapes.format(out.shapeView())
                    + " but the result has shape " + Shapes.format(shape));
        }
        return out;
    }

    private static void apply(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        int[] as = a.shapeView();
        int[] bs = b.shapeView();
        int[] os = out.shapeView();
        if (Arrays.equals(as, bs)) {
            vv(op, a, 0, b, 0, out, 0, out.size());
        } else if (b.size() == 1) {
            vs(op, a, 0, b.getFlat(0), out, 0, out.size());
        } else if (a.size() == 1) {
            sv(op, a.getFlat(0), b, 0, out, 0, out.size());
        } else if (Arrays.equals(as, os) && Broadcast.isSuffix(bs, as)) {
            int n = b.size();
            for (int start = 0; start < out.size(); start += n) {
                vv(op, a, start, b, 0, out, start, n);
            }
        } else if (Arrays.equals(bs, os) && Broadcast.isSuffix(as, bs)) {
            int n = a.size();
            for (int start = 0; start < out.size(); start += n) {
                vv(op, a, 0, b, start, out, start, n);
            }
        } else if (Broadcast.isColumn(bs, as)) {
            int n = Broadcast.rowLength(as);
            for (int r = 0; r < b.size(); r++) {
                vs(op, a, r * n, b.getFlat(r), out, r * n, n);
            }
        } else if (Broadcast.isColumn(as, bs)) {
            int n = Broadcast.rowLength(bs);
            for (int r = 0; r < a.size(); r++) {
                sv(op, a.getFlat(r), b, r * n, out, r * n, n);
            }
        } else {
            general(op, a, b, out);
        }
    }

    /** Any broadcast: each row of the result pairs a row (or a repeated element) of each operand. */
    private static void general(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        int[] shape = out.shapeView();
        int n = Broadcast.rowLength(shape);
        int[] aStarts = Broadcast.rowStarts(a.shapeView(), shape);
        int[] bStarts = Broadcast.rowStarts(b.shapeView(), shape);
        int aStep = Broadcast.rowStep(a.shapeView());
        int bStep = Broadcast.rowStep(b.shapeView());
        for (int r = 0; r < aStarts.length; r++) {
            if (aStep == 1 && bStep == 1) {
                vv(op, a, aStarts[r], b, bStarts[r], out, r * n, n);
            } else if (aStep == 1) {
                vs(op, a, aStarts[r], b.getFlat(bStarts[r]), out, r * n, n);
            } else if (bStep == 1) {
                sv(op, a.getFlat(aStarts[r]), b, bStarts[r], out, r * n, n);
            } else {
                out.setFlat(r * n, op.apply(a.getFlat(aStarts[r]), b.getFlat(bStarts[r])));
            }
        }
    }

    /** Copies {@code n} elements between tensors of one dtype, starting at the given flat indices. */
    static void copy(Tensor src, int si, Tensor dst, int di, int n) {
        if (src.dtype() == DType.FLOAT32) {
            System.arraycopy(src.floatArray(), src.offset() + si, dst.floatArray(), dst.offset() + di, n);
        } else {
            System.arraycopy(src.doubleArray(), src.offset() + si, dst.doubleArray(), dst.offset() + di, n);
        }
    }

    /** {@code o[oi+j] = a[ai+j] op b[bi+j]} for {@code j < n}, at flat indices of tensors of one dtype. */
    static void vv(BinaryOp op, Tensor a, int ai, Tensor b, int bi, Tensor o, int oi, int n) {
        if (o.dtype() == DType.FLOAT32) {
            FloatElementwise.binary(op, a.floatArray(), a.offset() + ai, b.floatArray(), b.offset() + bi,
                    o.floatArray(), o.offset() + oi, n);
        } else {
            DoubleElementwise.binary(op, a.doubleArray(), a.offset() + ai, b.doubleArray(), b.offset() + bi,
                    o.doubleArray(), o.offset() + oi, n);
        }
    }

    private static void vs(BinaryOp op, Tensor a, int ai, double s, Tensor o, int oi, int n) {
        if (o.dtype() == DType.FLOAT32) {
            FloatElementwise.binary(op, a.floatArray(), a.offset() + ai, (float) s, o.floatArray(), o.offset() + oi, n);
        } else {
            DoubleElementwise.binary(op, a.doubleArray(), a.offset() + ai, s, o.doubleArray(), o.offset() + oi, n);
        }
    }

    private static void sv(BinaryOp op, double s, Tensor b, int bi, Tensor o, int oi, int n) {
        if (o.dtype() == DType.FLOAT32) {
            FloatElementwise.binary(op, (float) s, b.floatArray(), b.offset() + bi, o.floatArray(), o.offset() + oi, n);
        } else {
            DoubleElementwise.binary(op, s, b.doubleArray(), b.offset() + bi, o.doubleArray(), o.offset() + oi, n);
        }
    }
}
