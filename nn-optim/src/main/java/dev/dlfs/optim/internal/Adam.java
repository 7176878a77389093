package dev.dlfs.optim.internal;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.fused.OptimizerSteps;
import java.util.List;
import java.util.Map;

/**
 * The book's {@code Adam}, bias correction folded into the step size as the book does:
 * {@code t += 1; lr_t = lr·√(1 − β2^t) / (1 − β1^t); m += (1 − β1)(g − m); v += (1 − β2)(g² − v);
 * W −= lr_t·m / (√v + 1e-7)}. Slots {@code m} and {@code v}; the step count {@code t} is saved as a float64
 * tensor of shape (1,) under {@value #STEP_KEY}.
 */
public final class Adam extends StatefulOptimizer {
    /** State key of the step count. */
    public static final String STEP_KEY = "adam.t";

    private final double beta1;
    private final double beta2;
    private long t;
    private double lrT;

    Adam(double lr, double beta1, double beta2, double weightDecay) {
        super("adam", List.of("m", "v"), lr, weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    @Override
    void beginStep() {
        t++;
        // StrictMath: the same bits on every platform and JIT tier, so resumed and repeated runs match.
        lrT = lr * Math.sqrt(1.0 - StrictMath.pow(beta2, t)) / (1.0 - StrictMath.pow(beta1, t));
    }

    @Override
    void counters(Map<String, Tensor> out) {
        out.put(STEP_KEY, Tensor.of(new double[] {t}));
    }

    @Override
    Runnable takeCounters(Map<String, Tensor> state, boolean hasSlots) {
        Tensor saved = state.remove(STEP_KEY);
        if (saved == null) {
            if (hasSlots) {
                throw new IllegalArgumentException("adam: state has m and v but no step count '" + STEP_KEY + "'");
            }
            return () -> t = 0;
        }
        double x = saved.size() == 1 ? saved.getFlat(0) : Double.NaN;
        if (!(x >= 0 && x == Math.rint(x) && x < 0x1p53)) {
            throw new IllegalArgumentException("adam: state '" + STEP_KEY + "' must hold one whole number ≥ 0, found "
                    + saved.describe() + (saved.size() == 1 ? " " + x : ""));
        }
        return () -> t = (long) x;
    }

    @Override
    void update(Tensor w, Tensor g, double wd, Tensor[] slots) {
        OptimizerSteps.adam(w, g, slots[0], slots[1], lrT, beta1, beta2, Hyperparameters.EPSILON, wd);
    }
}
