package dev.dlfs.model;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Creates the layers and the loss of a configuration through the registries, inferring each layer's input shape
 * from the one before, and reports every problem at the layer's place in the configuration.
 */
final class NetworkAssembly {
    private NetworkAssembly() {
    }

    /**
     * The layers of {@code config}; those at the positions of {@code given} are the given objects themselves (the
     * configuration lists them by type name only), checked like the others.
     */
    static List<NamedLayer> layers(NetworkConfig config, Map<Integer, Layer> given) {
        ConfigOrigin origin = config.origin();
        checkDistinct(origin, given);
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
            // Every position takes its seed, a given object's too: the declared layers get the weights they would
            // get with a registered layer of that type in its place.
            SplittableRandom seed = seeds.split();
            try {
                if (given.containsKey(i)) {
                    layer = given.get(i);
                    checkDtype(layer, config.dtype());
                } else {
                    layer = LayerRegistry.create(spec, new LayerContext(shape, config.dtype(), seed));
                }
                next = layer.outputShape(shape);
            } catch (OptionException e) {
                throw misspeltRequired(origin, at, spec, e);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw origin.error(at, what + ": " + e.getMessage(), e);
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

    /** The same object twice would share its state (the input it remembers for backward) between two places. */
    private static void checkDistinct(ConfigOrigin origin, Map<Integer, Layer> given) {
        Map<Layer, Integer> seen = new IdentityHashMap<>();
        for (Map.Entry<Integer, Layer> e : new TreeMap<>(given).entrySet()) {
            Integer before = seen.putIfAbsent(e.getValue(), e.getKey());
            if (before != null) {
                throw origin.error("layers[" + e.getKey() + "]", "the same " + NamedLayer.typeOf(e.getValue())
                        + " object is also layers[" + before + "]: a layer keeps what its backward pass needs, so"
                        + " each place needs an object of its own");
            }
        }
    }

    private static void checkDtype(Layer layer, DType dtype) {
        for (Parameter p : layer.parameters()) {
            if (p.value().dtype() != dtype) {
                throw new IllegalArgumentException("its parameter " + p.name() + " is " + p.value().dtype()
                        + " but the network is " + dtype);
            }
        }
    }

    /** The loss of {@code config}, or {@code given} (which the configuration lists by type name only). */
    static Loss loss(NetworkConfig config, Loss given) {
        if (given != null) {
            return given;
        }
        try {
            return LossRegistry.create(config.loss().type(), config.loss().options());
        } catch (OptionException e) {
            throw config.origin().fromOption("loss", e);
        } catch (IllegalArgumentException e) {
            throw config.origin().error("loss", e.getMessage());
        }
    }
}
