package dev.dlfs.tensor;

/**
 * One reusable buffer of a layer or an optimizer (its output, an input gradient, im2col's columns): the same tensor
 * comes back while the shape stays the same, so a training step allocates nothing once warm. A smaller batch (the
 * last one of an epoch) gets a view of the first rows; only a larger batch or another per-sample shape allocates.
 *
 * <p>The contents are whatever the last user left: callers overwrite every element. The built-in layers use it, and
 * so can a plugin's:
 * <pre>{@code
 * private final Workspace out = new Workspace();
 * public Tensor forward(Tensor x, boolean training) {
 *     return x.mul(2.0, out.like(x));          // writes into the reused buffer
 * }
 * }</pre>
 */
public final class Workspace {
    private Tensor full;
    private Tensor view;

    /** A tensor of this dtype and shape (axis 0 is the batch), reused when possible. */
    public Tensor get(DType dtype, int... shape) {
        if (view != null && view.dtype() == dtype && sameShape(view, shape, 0)) {
            return view;
        }
        if (full != null && full.dtype() == dtype && full.rank() == shape.length && shape.length > 0
                && shape[0] <= full.dim(0) && sameShape(full, shape, 1)) {
            view = full.rows(0, shape[0]);
        } else {
            full = Tensor.zeros(dtype, shape);
            view = full;
        }
        return view;
    }

    /** A tensor of {@code x}'s dtype and shape, reused when possible. */
    public Tensor like(Tensor x) {
        return get(x.dtype(), x.shape());
    }

    /** Whether {@code t} has {@code shape} on every axis from {@code fromAxis} on (and the same rank). */
    private static boolean sameShape(Tensor t, int[] shape, int fromAxis) {
        if (t.rank() != shape.length) {
            return false;
        }
        for (int a = fromAxis; a < shape.length; a++) {
            if (t.dim(a) != shape[a]) {
                return false;
            }
        }
        return true;
    }
}
