package dev.dlfs.loss;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.GradientCheck;
import dev.dlfs.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Checks any {@link Loss}, built-in or third-party, by comparing its {@code backward()} with the numerical gradient
 * of its {@code forward()} with respect to the prediction, in float64.
 *
 * <pre>{@code
 * Loss loss = LossRegistry.create("huber", Options.empty());
 * GradientCheck.Report report = LossGradientCheck.check(loss, y, t);
 * report.assertBelow(1e-6);          // or read report.get("y").maxRelativeError()
 * }</pre>
 *
 * <p>Losses with kinks (absolute error at {@code y = t}, Huber at {@code |y - t| = δ}) only match away from the kink:
 * keep inputs further than the step {@code h} from them.
 */
public final class LossGradientCheck {
    private LossGradientCheck() {
    }

    /** The check with the book's step {@code h = 1e-4}; the report holds one tensor, {@code y}. */
    public static GradientCheck.Report check(Loss loss, Tensor y, Tensor t) {
        return check(loss, y, t, GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_FLOOR);
    }

    /**
     * The check with step {@code h} and relative-error floor {@code floor} (see {@link GradientCheck}). {@code y}
     * and {@code t} are copied to float64 first; neither is changed.
     */
    public static GradientCheck.Report check(Loss loss, Tensor y, Tensor t, double h, double floor) {
        Tensor y64 = y.to(DType.FLOAT64);
        Tensor t64 = t.to(DType.FLOAT64);
        loss.forward(y64, t64);
        Tensor g = loss.backward();
        if (g == null || g.dtype() != DType.FLOAT64 || !Arrays.equals(g.shape(), y64.shape())) {
            throw new IllegalArgumentException("gradient check of " + loss.getClass().getName() + ": backward() gave "
                    + (g == null ? "null" : g.describe()) + " for the prediction " + y64.describe()
                    + "; it must match the prediction's shape and dtype");
        }
        Tensor analytic = g.copy();     // backward() may hand out a workspace that the next forward() overwrites
        return GradientCheck.check(List.of(new GradientCheck.Target("y", y64, analytic)),
                () -> loss.forward(y64, t64), h, floor);
    }
}
