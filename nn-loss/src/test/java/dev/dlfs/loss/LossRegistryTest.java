package dev.dlfs.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Registry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LossRegistryTest {
    /** A third-party loss: the fourth power of the error. */
    public static final class QuarticProvider implements LossProvider {
        @Override
        public Set<String> names() {
            return Set.of("quartic");
        }

        @Override
        public Loss create(String name, Options options) {
            return new Loss() {
                @Override
                public double forward(Tensor y, Tensor t) {
                    return 0;
                }

                @Override
                public Tensor backward() {
                    return Tensor.zeros(1);
                }
            };
        }
    }

    /** Claims a built-in name. */
    public static final class SecondMseProvider implements LossProvider {
        @Override
        public Set<String> names() {
            return Set.of("mse");
        }

        @Override
        public Loss create(String name, Options options) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void everyBuiltInNameAndAliasIsFound() {
        assertEquals(List.of("bce", "binary-cross-entropy", "cross-entropy", "huber", "l1", "mae",
                "mean-absolute-error", "mean-squared-error", "mse", "sigmoid-with-loss", "softmax-cross-entropy",
                "softmax-with-loss"),
                LossRegistry.discover().names());
        assertEquals(List.of(), LossRegistry.discover().loadFailures());
    }

    @Test
    void aliasesMakeTheSameLoss() {
        Tensor y = Tensor.of(new double[] {0.2, -1, 3, 0.5}, 2, 2);
        Tensor t = Tensor.of(new double[] {1, 0});
        for (List<String> names : List.of(List.of("softmax-with-loss", "softmax-cross-entropy", "cross-entropy",
                "SoftmaxWithLoss"), List.of("mean-squared-error", "mse"), List.of("mean-absolute-error", "mae", "l1"),
                List.of("sigmoid-with-loss", "binary-cross-entropy", "bce"))) {
            Set<Double> values = new TreeSet<>();
            for (String name : names) {
                values.add(LossRegistry.create(name, Options.empty()).forward(y, t));
            }
            assertEquals(1, values.size(), names + " give " + values);
        }
    }

    @Test
    void huberReadsItsDelta() {
        Tensor y = Tensor.of(new double[] {3});
        Tensor t = Tensor.zeros(DType.FLOAT64, 1);
        assertEquals(2.5, LossRegistry.create("huber", Options.empty()).forward(y, t));
        assertEquals(4.0, LossRegistry.create("huber", Options.of(Map.of("delta", 2))).forward(y, t));
        OptionException e = assertThrows(OptionException.class,
                () -> LossRegistry.create("huber", Options.of(Map.of("delta", -0.5))));
        assertEquals("delta", e.path());
        assertEquals("loss 'huber': option 'delta' must be a positive number, found -0.5", e.getMessage());
    }

    @Test
    void unknownOptionsAreRejectedWithTheKnownOnes() {
        OptionException e = assertThrows(OptionException.class,
                () -> LossRegistry.create("huber", Options.of(Map.of("detla", 2))));
        assertEquals("loss 'huber': unknown option 'detla'; known options: delta; did you mean 'delta'?",
                e.getMessage());
        e = assertThrows(OptionException.class, () -> LossRegistry.create("mse", Options.of(Map.of("delta", 2))));
        // named as asked for: the provider declares the alias too
        assertEquals("loss 'mse': unknown option 'delta'; known options: (none)", e.getMessage());
    }

    @Test
    void unknownNameListsTheKnownNamesAndTheNearest() {
        OptionException e = assertThrows(OptionException.class,
                () -> LossRegistry.create("softmax-with-los", Options.empty()));
        assertTrue(e.getMessage().startsWith("unknown loss function 'softmax-with-los'; known loss functions: bce, "),
                e.getMessage());
        assertTrue(e.getMessage().contains("huber, l1"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean 'softmax-with-loss'?"), e.getMessage());
    }

    @Test
    void aSecondProviderForABuiltInNameIsAnErrorNamingBoth() {
        Registry<LossProvider> registry = LossRegistry.discover();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> registry.register(new SecondMseProvider()));
        assertEquals("loss function 'mse' is claimed by two providers: "
                + "dev.dlfs.loss.internal.BuiltinLosses and " + SecondMseProvider.class.getName(),
                e.getMessage());
    }

    @Test
    void thirdPartyLossesCanBeRegisteredExplicitly() {
        Registry<LossProvider> registry = LossRegistry.discover();
        QuarticProvider quartic = new QuarticProvider();
        registry.register(quartic);
        assertSame(quartic, registry.get("quartic"));
        assertTrue(registry.names().contains("quartic"));
        assertTrue(LossRegistry.discover().find("quartic").isEmpty(), "a fresh registry does not see it");
    }

    @Test
    void builtInLossesShowTheirOutput() {
        Tensor scores = Tensor.of(new double[] {0.3, 2.9, 4.0});
        double[] p = LossRegistry.create("cross-entropy", Options.empty()).output(scores).toDoubleArray();
        assertEquals(0.73659691, p[2], 1e-8);
        assertEquals(1 / (1 + Math.exp(-0.3)),
                LossRegistry.create("bce", Options.empty()).output(scores).getFlat(0), 1e-15);
        assertSame(scores, LossRegistry.create("mse", Options.empty()).output(scores));
    }

    @Test
    void theClassPathServicesFileListsTheModuleProviders() throws IOException {
        Set<String> listed = new TreeSet<>();
        try (InputStream in = LossProvider.class.getModule()
                .getResourceAsStream("META-INF/services/" + LossProvider.class.getName())) {
            assertTrue(in != null, "META-INF/services file is missing");
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).forEach(listed::add);
        }
        Set<String> discovered = new TreeSet<>();
        LossRegistry.discover().providers().values().forEach(p -> discovered.add(p.getClass().getName()));
        assertEquals(discovered, listed);
        assertInstanceOf(LossProvider.class, LossRegistry.shared().get("mse"));
    }
}
