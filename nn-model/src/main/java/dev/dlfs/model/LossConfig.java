package dev.dlfs.model;

import dev.dlfs.tensor.spi.Options;

/** The loss of a network by registry name, e.g. {@code softmax-with-loss}, with its options. */
public record LossConfig(String type, Options options) {
    public LossConfig {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a loss needs a name");
        }
        options = options == null ? Options.empty() : options;
    }

    public static LossConfig of(String type) {
        return new LossConfig(type, Options.empty());
    }
}
