package dev.dlfs.optim.internal;

import static dev.dlfs.optim.internal.Hyperparameters.fraction;
import static dev.dlfs.optim.internal.Hyperparameters.learningRate;
import static dev.dlfs.optim.internal.Hyperparameters.weightDecay;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.OptimizerProvider;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The optimizers of the book, by name, each with option {@code weight-decay} (the book's λ, default 0):
 * {@code sgd} ({@code lr} 0.01), {@code momentum} and {@code nesterov} ({@code lr} 0.01, {@code momentum} 0.9),
 * {@code adagrad} ({@code lr} 0.01), {@code rmsprop} ({@code lr} 0.01, {@code decay-rate} 0.99) and {@code adam}
 * ({@code lr} 0.001, {@code beta1} 0.9, {@code beta2} 0.999).
 */
public final class BuiltinOptimizers implements OptimizerProvider {
    private static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");

    @Override
    public Set<String> names() {
        return new LinkedHashSet<>(NAMES);
    }

    @Override
    public Optimizer create(String name, Options o) {
        return switch (name) {
            case "sgd" -> new Sgd(learningRate(o, 0.01), weightDecay(o));
            case "momentum" -> new Momentum(learningRate(o, 0.01), fraction(o, "momentum", 0.9), weightDecay(o));
            case "nesterov" -> new Nesterov(learningRate(o, 0.01), fraction(o, "momentum", 0.9), weightDecay(o));
            case "adagrad" -> new AdaGrad(learningRate(o, 0.01), weightDecay(o));
            case "rmsprop" -> new RmsProp(learningRate(o, 0.01), fraction(o, "decay-rate", 0.99), weightDecay(o));
            case "adam" -> new Adam(learningRate(o, 0.001), fraction(o, "beta1", 0.9), fraction(o, "beta2", 0.999),
                    weightDecay(o));
            default -> throw new OptionException("type", "BuiltinOptimizers does not make optimizer '" + name
                    + "'; it makes " + String.join(", ", NAMES));
        };
    }
}
