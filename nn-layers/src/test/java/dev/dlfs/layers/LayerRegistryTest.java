package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Registry;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayerRegistryTest {
    private static final LayerContext FLAT = new LayerContext(new int[] {784}, DType.FLOAT32, new SplittableRandom(1));

    @Test
    void builtInTypesAreDiscovered() {
        Registry<LayerProvider> r = LayerRegistry.discover();
        assertEquals(List.of(), r.loadFailures());
        assertTrue(r.names().containsAll(List.of("affine", "dense", "relu", "sigmoid", "tanh", "step", "softplus",
                "identity", "softmax", "dropout", "batchnorm", "batch-normalization", "convolution", "conv",
                "pooling", "max-pool", "avg-pool", "flatten")), r.names().toString());
        // names match ignoring case, '-' and '_'
        assertSame(r.get("affine"), r.get("Max_Pool"));
    }

    @Test
    void unknownTypeListsTheKnownOnesAndSuggestsTheNearest() {
        OptionException e = assertThrows(OptionException.class,
                () -> LayerRegistry.create(LayerSpec.of("relu2"), FLAT));
        assertTrue(e.getMessage().startsWith("unknown layer type 'relu2'; known layer types: affine, "),
                e.getMessage());
        assertTrue(e.getMessage().contains("batchnorm"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean 'relu'?"), e.getMessage());
    }

    @Test
    void unknownOptionSuggestsTheNearestKnownOne() {
        OptionException e = assertThrows(OptionException.class,
                () -> LayerRegistry.create(LayerSpec.of("affine", Map.of("unit", 50)), FLAT));
        // 'units' is required and missing, which is reported first
        assertTrue(e.getMessage().contains("'units'"), e.getMessage());
        e = assertThrows(OptionException.class,
                () -> LayerRegistry.create(LayerSpec.of("affine", Map.of("units", 50, "inti", "he")), FLAT));
        assertEquals("layer 'affine': unknown option 'inti'; known options: init, units; did you mean 'init'?",
                e.getMessage());
        e = assertThrows(OptionException.class,
                () -> LayerRegistry.create(LayerSpec.of("relu", Map.of("alpha", 0.1)), FLAT));
        assertTrue(e.getMessage().contains("known options: (none)"), e.getMessage());
    }

    private record Named(Set<String> names) implements LayerProvider {
        @Override
        public Layer create(String name, Options options, LayerContext context) {
            return new Layer() {
                @Override
                public Tensor forward(Tensor x, boolean training) {
                    return x.mul(2.0);
                }

                @Override
                public Tensor backward(Tensor dout) {
                    return dout.mul(2.0);
                }

                @Override
                public int[] outputShape(int[] inputShape) {
                    return inputShape;
                }
            };
        }
    }

    /** A second provider class, so that a clash names two different classes. */
    private static final class Clashing implements LayerProvider {
        @Override
        public Set<String> names() {
            return Set.of("double");
        }

        @Override
        public Layer create(String name, Options options, LayerContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void explicitRegistrationAddsATypeAndAClashNamesBothClasses() {
        Registry<LayerProvider> r = LayerRegistry.discover();
        r.register(new Named(Set.of("double")));
        Layer d = LayerRegistry.create(r, LayerSpec.of("double"), FLAT);
        assertEquals(6.0, d.forward(Tensor.of(new float[] {3}), false).item());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.register(new Clashing()));
        assertTrue(e.getMessage().contains(Named.class.getName()) && e.getMessage().contains(
                Clashing.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("'double'"), e.getMessage());
        // the shared registry is not affected
        assertTrue(LayerRegistry.shared().find("double").isEmpty());
    }

    @Test
    void initializersFollowTheBookAndTheSeed() {
        for (Object init : List.of("he", "xavier", Map.of("type", "normal", "std", 0.05), Map.of("std", 0.05))) {
            Layer a = LayerRegistry.create(LayerSpec.of("affine", Map.of("units", 200, "init", init)),
                    new LayerContext(new int[] {400}, DType.FLOAT64, new SplittableRandom(7)));
            Tensor w = a.parameters().get(0).value();
            double want = init.equals("he") ? Math.sqrt(2.0 / 400) : init.equals("xavier") ? Math.sqrt(1.0 / 400)
                    : 0.05;
            double mean = w.meanAll();
            double std = Math.sqrt(w.square().meanAll() - mean * mean);
            assertEquals(want, std, want * 0.01, init.toString());    // 80000 draws: sd of the estimate ~0.25 %
            // row-major draws from the context's generator: W[0][0] is the first draw times the std
            assertEquals(want * new SplittableRandom(7).nextGaussian(), w.get(0, 0), 1e-15);
        }
        Layer book = LayerRegistry.create(LayerSpec.of("conv", Map.of("filters", 30, "size", 5)),
                new LayerContext(new int[] {1, 28, 28}, DType.FLOAT64, new SplittableRandom(7)));
        Tensor w = book.parameters().get(0).value();
        assertEquals(0.01 * new SplittableRandom(7).nextGaussian(), w.get(0, 0, 0, 0), 1e-15,
                "default: the book's 0.01");
        OptionException e = assertThrows(OptionException.class, () -> LayerRegistry.create(
                LayerSpec.of("affine", Map.of("units", 2, "init", "kaiming")), FLAT));
        assertTrue(e.getMessage().contains("known inits: normal, xavier, he"), e.getMessage());
        e = assertThrows(OptionException.class, () -> LayerRegistry.create(
                LayerSpec.of("affine", Map.of("units", 2, "init", Map.of("type", "he", "std", 0.1))), FLAT));
        assertEquals("init.std", e.path());
    }
}
