package dev.dlfs.tensor;

import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Numerical differentiation and plain gradient descent, the book's chapter 4: slow and approximate, but simple
 * enough to be obviously right, which makes it the reference the backward passes are checked against.
 *
 * <pre>{@code
 * double d = Numerical.numericalDiff(x -> 0.01 * (x * x) + 0.1 * x, 5);        // 0.1999999999990898
 * Tensor g = Numerical.numericalGradient(
 *         t -> t.getFlat(0) * t.getFlat(0) + t.getFlat(1) * t.getFlat(1),
 *         Tensor.of(new double[] {3, 4}));                                   // about (6, 8)
 * }</pre>
 */
public final class Numerical {
    /** The book's step {@code h = 1e-4}: small, but far enough from rounding error in float64. */
    public static final double H = 1e-4;

    private Numerical() {
    }

    /** The derivative of {@code f} at {@code x} by central difference: {@code (f(x+h) - f(x-h)) / 2h}. */
    public static double numericalDiff(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    /**
     * The gradient of {@code f} at {@code x}, a tensor of any shape and dtype: each element is moved by {@code ±h}
     * in place, {@code f(x)} evaluated, and the element restored. Returns a new tensor shaped like {@code x}.
     */
    public static Tensor numericalGradient(ToDoubleFunction<Tensor> f, Tensor x) {
        return numericalGradient(() -> f.applyAsDouble(x), x, H);
    }

    /**
     * The gradient of a loss that reads {@code x} itself (the book's {@code lambda W: net.loss(x, t)}): each element
     * of {@code x} is perturbed in place by {@code ±h} and {@code loss} recomputed; the element is restored
     * afterwards, even if {@code loss} throws.
     */
    public static Tensor numericalGradient(DoubleSupplier loss, Tensor x, double h) {
        Tensor grad = Tensor.zeros(x.dtype(), x.shape());
        for (int i = 0; i < x.size(); i++) {
            double original = x.getFlat(i);
            try {
                x.setFlat(i, original + h);
                double plusAt = x.getFlat(i);
                double fPlus = loss.getAsDouble();
                x.setFlat(i, original - h);
                double minusAt = x.getFlat(i);
                double fMinus = loss.getAsDouble();
                // float64 divides by 2h exactly as the book does; float32 by the step actually stored, since
                // x ± h rounds to a float and 2h would misstate the distance between the two points.
                double step = x.dtype() == DType.FLOAT64 ? 2 * h : plusAt - minusAt;
                grad.setFlat(i, (fPlus - fMinus) / step);
            } finally {
                x.setFlat(i, original);
            }
        }
        return grad;
    }

    /**
     * Gradient descent as in the book: starting from a copy of {@code init}, {@code steps} times
     * {@code x -= lr * numericalGradient(f, x)}. Returns the final point; {@code init} is not changed.
     */
    public static Tensor gradientDescent(ToDoubleFunction<Tensor> f, Tensor init, double lr, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("gradientDescent: steps must be >= 0, got " + steps);
        }
        Tensor x = init.copy();
        for (int s = 0; s < steps; s++) {
            Tensor grad = numericalGradient(f, x);
            for (int i = 0; i < x.size(); i++) {
                x.setFlat(i, x.getFlat(i) - lr * grad.getFlat(i));
            }
        }
        return x;
    }
}
