package dev.dlfs.optim.internal;

import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;

/** Reads and range-checks the options optimizers share, so that a bad value fails naming its option. */
final class Hyperparameters {
    /** The book's epsilon in AdaGrad, RMSprop and Adam: keeps the division finite while the state is still 0. */
    static final double EPSILON = 1e-7;

    private Hyperparameters() {
    }

    /** {@code lr}: a finite number > 0. */
    static double learningRate(Options o, double fallback) {
        double lr = o.getDouble("lr", fallback);
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw bad(o, "lr", "a finite number > 0", lr);
        }
        return lr;
    }

    /** A decay factor such as {@code momentum} or {@code beta1}: a number in [0, 1). */
    static double fraction(Options o, String key, double fallback) {
        double x = o.getDouble(key, fallback);
        if (!(x >= 0 && x < 1)) {
            throw bad(o, key, "a number in [0, 1)", x);
        }
        return x;
    }

    /** {@code weight-decay} (the book's λ): a finite number ≥ 0, default 0. */
    static double weightDecay(Options o) {
        double wd = o.getDouble("weight-decay", 0.0);
        if (!(wd >= 0) || Double.isInfinite(wd)) {
            throw bad(o, "weight-decay", "a finite number ≥ 0", wd);
        }
        return wd;
    }

    private static OptionException bad(Options o, String key, String expected, double found) {
        String path = o.path().isEmpty() ? key : o.path() + "." + key;
        return new OptionException(path, "option '" + key + "' must be " + expected + ", found " + found);
    }
}
