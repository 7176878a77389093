package dev.dlfs.optim;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Updates parameters in place from their gradients, one step per call.
 *
 * <pre>{@code
 * Optimizer sgd = OptimizerRegistry.create("sgd", Options.of(Map.of("lr", 0.1)));
 * network.gradient(x, t);          // fills every parameter's grad
 * sgd.step(network.parameters());  // W -= lr * dW, for each parameter
 * }</pre>
 *
 * <p>Per-parameter state (Momentum's velocity, Adam's moments) is found by {@link Parameter#name()}, so names must
 * be unique within one step. With option {@code weight-decay: λ} the built-in optimizers add {@code λ·W} to the
 * gradient of {@link Parameter#regularized() regularised} parameters and report that λ through
 * {@link #weightDecay()}; the matching loss term is {@link WeightDecay#penalty}.
 */
public interface Optimizer {
    /** One update of every parameter from its current gradient. Allocates nothing once its state exists. */
    void step(List<Parameter> parameters);

    /**
     * The λ of the L2 weight decay this optimizer applies, whatever its option is called: the loss it minimises is
     * the network's loss plus {@link WeightDecay#penalty WeightDecay.penalty(parameters, λ)} ({@code λ/2·ΣW²} over
     * the regularised parameters), and a trainer adds that term to the loss it reports. A plugin whose option is
     * {@code l2: 0.01} answers 0.01 here:
     * <pre>{@code
     * Optimizer sgd = OptimizerRegistry.create("sgd", Options.of(Map.of("lr", 0.1, "weight-decay", 1e-4)));
     * double reported = network.lastLoss() + WeightDecay.penalty(network.parameters(), sgd.weightDecay());
     * }</pre>
     *
     * @return λ ≥ 0; 0 (the default) for an optimizer without weight decay
     */
    default double weightDecay() {
        return 0;
    }

    /**
     * The learning rate this optimizer steps with, for messages such as the hint of a diverged run ("the learning
     * rate (lr 0.1) is probably too high"); empty (the default) when it has no single rate to report.
     */
    default OptionalDouble learningRate() {
        return OptionalDouble.empty();
    }

    /**
     * A snapshot of the optimizer's state for checkpoints: copies, keyed {@code <parameter name>.<slot>} (e.g.
     * {@code affine1.W.m}). Slots of the built-in optimizers: momentum and nesterov {@code v}, adagrad and rmsprop
     * {@code h}, adam {@code m} and {@code v} plus its step count under {@code adam.t} (float64, shape (1,)); sgd
     * has none. Each slot has its parameter's shape and dtype.
     */
    default Map<String, Tensor> state() {
        return Map.of();
    }

    /**
     * Replaces the state with one saved by {@link #state()}, to resume training exactly where it stopped. The map is
     * checked whole before anything changes; a slot whose shape or dtype does not fit its parameter fails at the
     * next {@link #step}.
     *
     * @throws IllegalArgumentException on unknown keys, missing slots or counters
     */
    default void loadState(Map<String, Tensor> state) {
    }
}
