package dev.dlfs.model;

import dev.dlfs.tensor.spi.Options;
import java.util.Map;

/** An optimizer by registry name with its options, e.g. {@code {type: sgd, lr: 0.1}}. */
public record OptimizerConfig(String type, Options options) {
    public OptimizerConfig {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("an optimizer needs a type");
        }
        options = options == null ? Options.empty() : options;
    }

    public static OptimizerConfig of(String type, Map<String, ?> options) {
        return new OptimizerConfig(type, Options.of(options));
    }
}
