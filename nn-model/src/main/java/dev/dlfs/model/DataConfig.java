package dev.dlfs.model;

import dev.dlfs.tensor.spi.Options;
import java.util.Map;

/** The data to train on: a data source by registry name with options, e.g. {@code {source: mnist, one-hot: true}}. */
public record DataConfig(String source, Options options) {
    public DataConfig {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("data needs a source");
        }
        options = options == null ? Options.empty() : options;
    }

    public static DataConfig of(String source, Map<String, ?> options) {
        return new DataConfig(source, Options.of(options));
    }
}
