package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * The update rules of the built-in optimizers, each one pass over a parameter {@code w} that updates it and its
 * state in place and allocates nothing; as a chain of tensor operations each rule would need temporaries and read and
 * write every array several times.
 *
 * <p>Every rule first adds the book's weight-decay term to the gradient, {@code g ← g + wd·w} (pass {@code wd = 0}
 * for parameters that are not regularised), without changing {@code g} itself. Coefficients are given as float64
 * and rounded once to the parameter's dtype; the names below are the book's. All tensors must share {@code w}'s dtype
 * and shape.
 */
public final class OptimizerSteps {
    private OptimizerSteps() {
    }

    /** SGD: {@code w −= lr·g}. */
    public static void sgd(Tensor w, Tensor g, double lr, double wd) {
        Operands.requireLike("sgd", "gradient", g, "parameter", w);
        if (w.dtype() == DType.FLOAT32) {
            FloatOptimizerSteps.sgd(w.floatArray(), w.offset(), g.floatArray(), g.offset(), w.size(), (float) lr,
                    (float) wd);
        } else {
            DoubleOptimizerSteps.sgd(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), w.size(), lr, wd);
        }
    }

    /** Momentum: {@code v = momentum·v − lr·g; w += v}. */
    public static void momentum(Tensor w, Tensor g, Tensor v, double lr, double momentum, double wd) {
        Operands.requireLike("momentum", "gradient", g, "parameter", w);
        Operands.requireLike("momentum", "v", v, "parameter", w);
        if (w.dtype() == DType.FLOAT32) {
            FloatOptimizerSteps.momentum(w.floatArray(), w.offset(), g.floatArray(), g.offset(), v.floatArray(),
                    v.offset(), w.size(), (float) lr, (float) momentum, (float) wd);
        } else {
            DoubleOptimizerSteps.momentum(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), v.doubleArray(),
                    v.offset(), w.size(), lr, momentum, wd);
        }
    }

    /**
     * Nesterov: {@code v = momentum·v − lr·g; w += momentum·momentum·v − (1 + momentum)·lr·g}, the coefficients
     * evaluated first as the book's Python does: {@code (m·m)·v} and {@code ((1 + m)·lr)·g}.
     */
    public static void nesterov(Tensor w, Tensor g, Tensor v, double lr, double momentum, double wd) {
        Operands.requireLike("nesterov", "gradient", g, "parameter", w);
        Operands.requireLike("nesterov", "v", v, "parameter", w);
        double mm = momentum * momentum;
        double step = (1 + momentum) * lr;
        if (w.dtype() == DType.FLOAT32) {
            FloatOptimizerSteps.nesterov(w.floatArray(), w.offset(), g.floatArray(), g.offset(), v.floatArray(),
                    v.offset(), w.size(), (float) lr, (float) momentum, (float) mm, (float) step, (float) wd);
        } else {
            DoubleOptimizerSteps.nesterov(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), v.doubleArray(),
                    v.offset(), w.size(), lr, momentum, mm, step, wd);
        }
    }

    /** AdaGrad: {@code h += g²; w −= lr·g / (√h + eps)}. */
    public static void adaGrad(Tensor w, Tensor g, Tensor h, double lr, double eps, double wd) {
        Operands.requireLike("adagrad", "gradient", g, "parameter", w);
        Operands.requireLike("adagrad", "h", h, "parameter", w);
        if (w.dtype() == DType.FLOAT32) {
            FloatOptimizerSteps.adaGrad(w.floatArray(), w.offset(), g.floatArray(), g.offset(), h.floatArray(),
                    h.offset(), w.size(), (float) lr, (float) eps, (float) wd);
        } else {
            DoubleOptimizerSteps.adaGrad(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), h.doubleArray(),
                    h.offset(), w.size(), lr, eps, wd);
        }
    }

    /** RMSprop: {@code h = decayRate·h + (1 − decayRate)·g²; w −= lr·g / (√h + eps)}. */
    public static void rmsProp(Tensor w, Tensor g, Tensor h, double lr, double decayRate, double eps, double wd) {
        Operands.requireLike("rmsprop", "gradient", g, "parameter", w);
        Operands.requireLike("rmsprop", "h", h, "parameter", w);
        double keep = 1 - decayRate;
        if (w.dtype() == DType.FLOAT32) {
            FloatOptimizerSteps.rmsProp(w.floatArray(), w.offset(), g.floatArray(), g.offset(), h.floatArray(),
                    h.offset(), w.size(), (float) lr, (float) decayRate, (float) keep, (float) eps, (float) wd);
        } else {
            DoubleOptimizerSteps.rmsProp(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), h.doubleArray(),
                    h.offset(), w.size(), lr, decayRate, keep, eps, wd);
        }
    }

    /**
     * Adam with the bias correction folded into the step size {@code lrT}, as the book does:
     * {@code m += (1 − beta1)·(g − m); v += (1 − beta2)·(g² − v); w −= lrT·m / (√v + eps)}.
     */
    public static void adam(Tensor w, Tensor g, Tensor m, Tensor v, double lrT, double beta1, double beta2,
                            double eps, double wd) {
        Operands.requireLike("adam", "gradient", g, "parameter", w);
        Operands.requireLike("adam", "m", m, "parameter", w);
        Operands.requireLike("adam", "v", v, "parameter", w);
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        if (w.dtype() == DType.FLOAT32) {
            FloatOptimizerSteps.adam(w.floatArray(), w.offset(), g.floatArray(), g.offset(), m.floatArray(),
                    m.offset(), v.floatArray(), v.offset(), w.size(), (float) lrT, (float) keep1, (float) keep2,
                    (float) eps, (float) wd);
        } else {
            DoubleOptimizerSteps.adam(w.doubleArray(), w.offset(), g.doubleArray(), g.offset(), m.doubleArray(),
                    m.offset(), v.doubleArray(), v.offset(), w.size(), lrT, keep1, keep2, eps, wd);
        }
    }
}
