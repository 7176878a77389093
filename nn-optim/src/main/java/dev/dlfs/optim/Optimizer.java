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
 */
public interface Optimizer {
    /** One update of every parameter from its current gradient. Allocates nothing once its state exists. */
    void step(List<Parameter> parameters);

    /** The optimizer's state by {@code <parameter name>.<slot>} (e.g. {@code affine1.W.m}), for checkpoints. */
    default Map<String, Tensor> state() {
        return Map.of();
    }

    /** Restores state saved by {@link #state()}, to resume training. */
    default void loadState(Map<String, Tensor> state) {
    }
}
