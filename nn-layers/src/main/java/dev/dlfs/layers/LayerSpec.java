package dev.dlfs.layers;

import dev.dlfs.tensor.spi.Options;

/**
 * What a configuration says about one layer: its type name and its options, e.g.
 * {@code {type: affine, units: 50, init: {std: 0.01}}}; {@link LayerRegistry#create} makes the layer.
 */
public record LayerSpec(String type, Options options) {
    public LayerSpec {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a layer needs a type");
        }
        options = options == null ? Options.empty() : options;
    }

    /** A spec without options. */
    public static LayerSpec of(String type) {
        return new LayerSpec(type, Options.empty());
    }

    /** A spec with options from a map. */
    public static LayerSpec of(String type, java.util.Map<String, ?> options) {
        return new LayerSpec(type, Options.of(options));
    }
}
