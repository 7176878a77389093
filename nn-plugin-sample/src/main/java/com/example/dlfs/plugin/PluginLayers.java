package com.example.dlfs.plugin;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerProvider;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/**
 * Makes this plugin's layers: {@code {type: swish, beta: 1.0}} and {@code {type: leaky-relu, alpha: 0.01}}.
 * Declared in module-info with {@code provides dev.dlfs.layers.LayerProvider with …}.
 */
public final class PluginLayers implements LayerProvider {
    @Override
    public Set<String> names() {
        return Set.of("swish", "leaky-relu");
    }

    @Override
    public Layer create(String name, Options options, LayerContext context) {
        if (name.equals("swish")) {
            double beta = options.getDouble("beta", 1.0);
            if (!(beta > 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("layer 'swish': beta must be a positive number, got " + beta);
            }
            return new Swish(beta);
        }
        double alpha = options.getDouble("alpha", 0.01);
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("layer 'leaky-relu': alpha must be in [0, 1), got " + alpha);
        }
        return new LeakyRelu(alpha);
    }
}
