package dev.dlfs.optim;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.Map;

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
 * gradient of {@link Parameter#regularized() regularised} parameters; the matching loss term is
 * {@link WeightDecay#penalty}.
 */
public interface Optimizer {
    /** One update of every parameter from its current gradient. Allocates nothing once its state exists. */
    void step(List<Parameter> parameters);

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
