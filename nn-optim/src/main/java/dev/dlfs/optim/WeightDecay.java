package dev.dlfs.optim;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.List;

/**
 * The book's weight decay (L2 regularisation): the loss gains {@code λ/2·ΣW²} over the regularised parameters
 * (weights, not biases) and each such parameter's gradient gains {@code λ·W}.
 *
 * <p>Optimizers add the gradient term themselves when configured with {@code weight-decay: λ} and report that λ
 * through {@link Optimizer#weightDecay()}; the trainer adds {@link #penalty} with it to the loss it records, so that
 * the reported loss is the one being minimised.
 */
public final class WeightDecay {
    private WeightDecay() {
    }

    /** {@code λ/2 · ΣW²} over the parameters marked {@link Parameter#regularized()}, summed in float64. */
    public static double penalty(List<Parameter> parameters, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("weight decay: λ must be a finite number ≥ 0, found " + lambda);
        }
        if (lambda == 0) {
            return 0;
        }
        double sum = 0;
        for (Parameter p : parameters) {
            if (p.regularized()) {
                sum += sumOfSquares(p.value());
            }
        }
        return 0.5 * lambda * sum;
    }

    // A scalar float64 loop on purpose: it runs once per loss evaluation and float64 keeps large sums exact enough.
    private static double sumOfSquares(Tensor w) {
        double s = 0;
        for (int i = 0; i < w.size(); i++) {
            double x = w.getFlat(i);
            s += x * x;
        }
        return s;
    }
}
