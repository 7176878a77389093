package com.example.dlfs.plugin;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.OptimizerProvider;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/**
 * Makes the Lion optimizer: {@code {type: lion, lr: 1e-4, beta1: 0.9, beta2: 0.99, weight-decay: 0.0}}.
 * Declared in module-info with {@code provides dev.dlfs.optim.OptimizerProvider with …}.
 */
public final class LionProvider implements OptimizerProvider {
    @Override
    public Set<String> names() {
        return Set.of("lion");
    }

    @Override
    public Optimizer create(String name, Options options) {
        double lr = options.getDouble("lr", 1e-4);
        double beta1 = options.getDouble("beta1", 0.9);
        double beta2 = options.getDouble("beta2", 0.99);
        double wd = options.getDouble("weight-decay", 0.0);
        if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(wd >= 0)) {
            throw new IllegalArgumentException("optimizer 'lion': need lr > 0, 0 <= beta1, beta2 < 1 and"
                    + " weight-decay >= 0; got lr " + lr + ", beta1 " + beta1 + ", beta2 " + beta2
                    + ", weight-decay " + wd);
        }
        return new Lion(lr, beta1, beta2, wd);
    }
}
