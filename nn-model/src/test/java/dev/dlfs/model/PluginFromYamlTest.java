package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerProvider;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A layer type the framework does not ship, registered as a plugin, is usable from YAML by its name. */
class PluginFromYamlTest {
    /** Multiplies its input by a fixed {@code factor} option. */
    static final class TimesProvider implements LayerProvider {
        @Override
        public Set<String> names() {
            return Set.of("test-times");
        }

        @Override
        public Layer create(String name, Options options, LayerContext context) {
            double factor = options.requireDouble("factor");
            return new Layer() {
                @Override
                public Tensor forward(Tensor x, boolean training) {
                    return x.mul(factor);
                }

                @Override
                public Tensor backward(Tensor dout) {
                    return dout.mul(factor);
                }

                @Override
                public int[] outputShape(int[] inputShape) {
                    return inputShape;
                }
            };
        }
    }

    static {
        if (LayerRegistry.shared().find("test-times").isEmpty()) {
            LayerRegistry.shared().register(new TimesProvider());
        }
    }

    @Test
    void aRegisteredLayerTypeIsUsableFromYaml() {
        NetworkConfig c = NetworkConfig.parse("""
                input: [3]
                layers:
                  - {type: test-times, factor: 2.5}
                loss: softmax-with-loss
                """, "plugin.yaml");
        Network net = Network.of(c);
        Tensor x = Tensor.randn(new SplittableRandom(1), DType.FLOAT32, 4, 3);
        assertEquals(x.mul(2.5), net.predict(x));
        assertEquals("testtimes1", net.layers().getFirst().name());

        ConfigException e = assertThrows(ConfigException.class, () -> NetworkConfig.parse(
                "input: [3]\nlayers: [{type: test-tims, factor: 2}]\nloss: softmax-with-loss\n", "plugin.yaml"));
        assertTrue(e.getMessage().endsWith("did you mean 'test-times'?"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> Network.of(NetworkConfig.parse(
                "input: [3]\nlayers: [{type: test-times}]\nloss: softmax-with-loss\n", "plugin.yaml")));
        assertEquals("layers[0].factor", missing.path());
        assertEquals(2, missing.line());
        assertEquals(10, missing.column());
    }
}
