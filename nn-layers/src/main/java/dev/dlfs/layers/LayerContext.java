package dev.dlfs.layers;

import dev.dlfs.tensor.DType;
import java.util.random.RandomGenerator;

/**
 * Where a new layer sits: its per-sample input shape, the network's dtype, and the seeded generator its initial
 * weights are drawn from (the same seed gives the same weights).
 */
public record LayerContext(int[] inputShape, DType dtype, RandomGenerator rng) {
    public LayerContext {
        inputShape = inputShape.clone();
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }
}
