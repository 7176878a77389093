package dev.dlfs.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Compares analytic gradients (from a backward pass) with numerical ones (central differences, the book's ch04), in
 * float64. Works for anything that maps tensors to a scalar: a layer, a loss, a whole network.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[] {0.3, -1.2, 2.0});
 * Tensor g = x.mul(2.0);                                   // analytic gradient of sum(x^2)
 * GradientCheck.Report report = GradientCheck.check(
 *         List.of(new GradientCheck.Target("x", x, g)),
 *         () -> x.square().sumAll());                      // recomputes the loss from x's current values
 * report.assertBelow(1e-6);
 * }</pre>
 *
 * <p>The element relative error is {@code |a - n| / max(|a| + |n|, floor)}: relative where gradients are large,
 * absolute (scaled by {@code 1/floor}) where both are near zero, so exact zeros (a ReLU's dead inputs) do not divide
 * by zero.
 */
public final class GradientCheck {
    /** The book's step for central differences. */
    public static final double DEFAULT_STEP = 1e-4;
    /** Denominator floor of the relative error (see the class comment). */
    public static final double DEFAULT_FLOOR = 1e-8;

    private GradientCheck() {
    }

    /**
     * One tensor to perturb and its analytic gradient.
     *
     * @param name     shown in the report, e.g. {@code x} or {@code W}
     * @param value    a float64 tensor the loss reads; perturbed in place during the check and restored afterwards
     * @param analytic the gradient the backward pass computed for it, same shape, float64
     */
    public record Target(String name, Tensor value, Tensor analytic) {
        public Target {
            if (value.dtype() != DType.FLOAT64 || analytic.dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("gradient check of '" + name + "' needs float64 tensors, got value "
                        + value.describe() + " and gradient " + analytic.describe());
            }
            if (!Arrays.equals(value.shape(), analytic.shape())) {
                throw new IllegalArgumentException("gradient check of '" + name + "': value " + value.describe()
                        + " and analytic gradient " + analytic.describe() + " differ in shape");
            }
        }
    }

    /**
     * Checks every target with the book's step {@code h = 1e-4}. {@code loss} must recompute the scalar from the
     * targets' current values each time it is called (it is called twice per element).
     */
    public static Report check(List<Target> targets, DoubleSupplier loss) {
        return check(targets, loss, DEFAULT_STEP, DEFAULT_FLOOR);
    }

    /** Checks every target with step {@code h} and relative-error floor {@code floor}. */
    public static Report check(List<Target> targets, DoubleSupplier loss, double h, double floor) {
        if (!(h > 0) || !(floor > 0)) {
            throw new IllegalArgumentException("gradient check: step " + h + " and floor " + floor
                    + " must be positive");
        }
        List<TensorError> out = new ArrayList<>(targets.size());
        for (Target t : targets) {
            Tensor numerical = Numerical.numericalGradient(loss, t.value(), h);
            out.add(compare(t.name(), t.analytic(), numerical, floor));
        }
        return new Report(out);
    }

    /** The error of one analytic gradient against its numerical estimate (both float64, same shape). */
    public static TensorError compare(String name, Tensor analytic, Tensor numerical, double floor) {
        if (!Arrays.equals(analytic.shape(), numerical.shape())) {
            throw new IllegalArgumentException("gradient check of '" + name + "': analytic " + analytic.describe()
                    + " and numerical " + numerical.describe() + " differ in shape");
        }
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < analytic.size(); i++) {
            double a = analytic.getFlat(i);
            double n = numerical.getFlat(i);
            double rel = Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), floor);
            if (Double.isNaN(rel)) {
                rel = Double.POSITIVE_INFINITY;     // a NaN gradient must fail, not compare as "not greater"
            }
            if (worstIndex < 0 || rel > worst) {
                worst = rel;
                worstIndex = i;
            }
        }
        double a = worstIndex < 0 ? 0 : analytic.getFlat(worstIndex);
        double n = worstIndex < 0 ? 0 : numerical.getFlat(worstIndex);
        return new TensorError(name, analytic.shape(), worst, Math.max(worstIndex, 0), a, n);
    }

    /**
     * The result for one tensor.
     *
     * @param maxRelativeError the largest element relative error
     * @param worstIndex       flat (row-major) index of that element
     * @param analytic         the analytic gradient there
     * @param numerical        the numerical gradient there
     */
    public record TensorError(String name, int[] shape, double maxRelativeError, int worstIndex, double analytic,
                              double numerical) {
        public TensorError {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The worst element's index per axis. */
        public int[] worstPosition() {
            int[] pos = new int[shape.length];
            int rest = worstIndex;
            for (int a = shape.length - 1; a >= 0; a--) {
                pos[a] = shape[a] == 0 ? 0 : rest % shape[a];
                rest = shape[a] == 0 ? 0 : rest / shape[a];
            }
            return pos;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s%s: max relative error %.3e at %s (analytic %.12g,"
                    + " numerical %.12g)", name, Shapes.format(shape), maxRelativeError,
                    Arrays.toString(worstPosition()), analytic, numerical);
        }
    }

    /** The per-tensor results of one check, in the order the targets were given. */
    public record Report(List<TensorError> tensors) {
        public Report {
            tensors = List.copyOf(tensors);
        }

        /** The largest relative error over all tensors (0 if there are none). */
        public double maxRelativeError() {
            double m = 0;
            for (TensorError t : tensors) {
                m = Math.max(m, t.maxRelativeError());
            }
            return m;
        }

        /** The result for the tensor named {@code name}. */
        public TensorError get(String name) {
            for (TensorError t : tensors) {
                if (t.name().equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("gradient check report has no tensor '" + name + "'; it has "
                    + tensors.stream().map(TensorError::name).toList());
        }

        /** Throws an {@link AssertionError} listing every tensor if any relative error is not below {@code tol}. */
        public Report assertBelow(double tol) {
            if (!(maxRelativeError() < tol)) {
                throw new AssertionError("gradient check failed: relative error above " + tol + "\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (TensorError t : tensors) {
                sb.append("  ").append(t).append('\n');
            }
            return sb.toString();
        }
    }
}
