package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.kernels.Huber;
import dev.dlfs.loss.kernels.MeanAbsoluteError;
import dev.dlfs.loss.kernels.MeanSquaredError;
import dev.dlfs.loss.kernels.SigmoidWithLoss;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The losses of the book and their common relatives, by name: {@code softmax-with-loss} (also
 * {@code softmax-cross-entropy}, {@code cross-entropy}), {@code mean-squared-error} ({@code mse}),
 * {@code mean-absolute-error} ({@code mae}, {@code l1}), {@code sigmoid-with-loss} ({@code binary-cross-entropy},
 * {@code bce}) and {@code huber} with option {@code delta} (where quadratic turns linear; positive, default 1.0).
 */
public final class BuiltinLosses implements LossProvider {
    private static final List<String> NAMES = List.of(SoftmaxWithLoss.NAME, "softmax-cross-entropy", "cross-entropy",
            MeanSquaredError.NAME, "mse", MeanAbsoluteError.NAME, "mae", "l1", SigmoidWithLoss.NAME,
            "binary-cross-entropy", "bce", Huber.NAME);

    @Override
    public Set<String> names() {
        return new LinkedHashSet<>(NAMES);
    }

    @Override
    public Loss create(String name, Options options) {
        return switch (name) {
            case SoftmaxWithLoss.NAME, "softmax-cross-entropy", "cross-entropy" -> new SoftmaxWithLoss();
            case MeanSquaredError.NAME, "mse" -> new ElementwiseLossAdapter(new MeanSquaredError());
            case MeanAbsoluteError.NAME, "mae", "l1" -> new ElementwiseLossAdapter(new MeanAbsoluteError());
            case SigmoidWithLoss.NAME, "binary-cross-entropy", "bce" ->
                    new ElementwiseLossAdapter(new SigmoidWithLoss());
            case Huber.NAME -> huber(options);
            default -> throw new OptionException("type", "BuiltinLosses does not make loss '" + name + "'; it makes "
                    + String.join(", ", NAMES));
        };
    }

    private static Loss huber(Options options) {
        double delta = options.getDouble("delta", 1.0);
        try {
            return new ElementwiseLossAdapter(new Huber(delta));
        } catch (IllegalArgumentException e) {
            String path = options.path().isEmpty() ? "delta" : options.path() + ".delta";
            throw new OptionException(path, "loss '" + Huber.NAME + "': option 'delta' must be a positive number,"
                    + " found " + delta);
        }
    }
}
