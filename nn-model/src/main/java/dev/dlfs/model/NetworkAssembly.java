package dev.dlfs.model;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerProvider;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Creates the layers and the loss of a configuration through the registries, inferring each layer's input shape
 * from the one before, and reports every problem at the layer's place in the configuration.
 */
final class NetworkAssembly {
    private NetworkAssembly() {
    }

    static List<NamedLayer> layers(NetworkConfig config) {
        ConfigOrigin origin = config.origin();
        SplittableRandom seeds = new SplittableRandom(config.seed());
        Map<String, Integer> counts = new HashMap<>();
        List<NamedLayer> out = new ArrayList<>();
        int[] shape = config.inputShape();
        for (int i = 0; i < config.layers().size(); i++) {
            LayerSpec spec = config.layers().get(i);
            String at = "layers[" + i + "]";
            String what = "layer '" + spec.type() + "' with input shape " + Shapes.format(shape);
            Layer layer;
            int[] next;
            try {
                LayerProvider provider = LayerRegistry.shared().get(spec.type());
                layer = provider.create(spec, new LayerContext(shape, config.dtype(), seeds.split()));
                spec.options().rejectUnknown("layer '" + spec.type() + "'");
                next = layer.outputShape(shape);
            } catch (OptionException e) {
                throw misspeltRequired(origin, at, spec, e);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw origin.error(at, what + ": " + e.getMessage());
            }
            if (next == null || next.length == 0 || Shapes.size(next) == 0) {
                throw origin.error(at, what + ": gives an empty output shape "
                        + (next == null ? "null" : Shapes.format(next)));
            }
            String name = NamedLayer.nameFor(spec.type(), counts.merge(NamedLayer.baseName(spec.type()), 1,
                    Integer::sum));
            out.add(new NamedLayer(name, spec.type(), layer, shape, next));
            shape = next;
        }
        return out;
    }

    /**
     * A required option reported missing while a near spelling of it is present ({@code unit: 50} for
     * {@code units}) is reported at the misspelt key, with the suggestion.
     */
    private static ConfigException misspeltRequired(ConfigOrigin origin, String at, LayerSpec spec,
                                                    OptionException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("missing required option") && e.path() != null && !e.path().contains(".")) {
            for (String typed : spec.options().unknownKeys()) {
                if (Suggestions.closest(typed, List.of(e.path())).isPresent()) {
                    return origin.keyError(at + "." + typed, "layer '" + spec.type() + "': unknown option '" + typed
                            + "'; did you mean '" + e.path() + "'? (" + message + ")");
                }
            }
        }
        return origin.fromOption(at, e);
    }

    static Loss loss(NetworkConfig config) {
        try {
            LossProvider provider = LossRegistry.shared().get(config.loss().type());
            Loss loss = provider.create(config.loss().options());
            config.loss().options().rejectUnknown("loss '" + config.loss().type() + "'");
            return loss;
        } catch (OptionException e) {
            throw config.origin().fromOption("loss", e);
        } catch (IllegalArgumentException e) {
            throw config.origin().error("loss", e.getMessage());
        }
    }
}
