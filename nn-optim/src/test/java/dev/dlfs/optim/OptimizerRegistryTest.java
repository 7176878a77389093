package dev.dlfs.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in optimizers are found by name, and bad names and options fail with clear messages. */
class OptimizerRegistryTest {

    @Test
    void allBookOptimizersAreDiscovered() {
        var registry = OptimizerRegistry.discover();
        assertEquals(List.of("adagrad", "adam", "momentum", "nesterov", "rmsprop", "sgd"), registry.names());
        assertEquals(List.of(), registry.loadFailures());
    }

    /** The class-path registration (META-INF/services) lists the same providers as module-info. */
    @Test
    void servicesFileNamesEveryProvider() throws Exception {
        List<String> names = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/" + OptimizerProvider.class.getName()))) {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                for (String line : in.lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
                    var provider = (OptimizerProvider) Class.forName(line).getConstructor().newInstance();
                    names.addAll(provider.names());
                }
            } catch (IOException e) {
                throw new AssertionError(url + ": " + e);
            }
        }
        Collections.sort(names);
        assertEquals(OptimizerRegistry.discover().names(), names);
    }

    @Test
    void unknownNameSuggestsTheNearest() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptimizerRegistry.create("adma", Options.empty()));
        assertTrue(e.getMessage().contains("unknown optimizer 'adma'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'adam'?"), e.getMessage());
        assertTrue(e.getMessage().contains("rmsprop"), e.getMessage());
    }

    @Test
    void unknownOptionIsRejectedNamingTheOptimizer() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptimizerRegistry.create("momentum", Options.of(Map.of("lr", 0.1, "momentun", 0.8))));
        assertEquals("momentun", e.path());
        assertTrue(e.getMessage().contains("optimizer 'momentum': unknown option 'momentun'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'momentum'?"), e.getMessage());

        // An option of another optimizer is unknown here too.
        OptionException beta = assertThrows(OptionException.class,
                () -> OptimizerRegistry.create("sgd", Options.of(Map.of("beta1", 0.9))));
        assertTrue(beta.getMessage().contains("optimizer 'sgd': unknown option 'beta1'"), beta.getMessage());
    }

    @Test
    void outOfRangeValuesNameTheirOption() {
        assertBad("sgd", Map.of("lr", -0.1), "lr", "> 0");
        assertBad("adam", Map.of("lr", 0), "lr", "> 0");
        assertBad("momentum", Map.of("momentum", 1.0), "momentum", "[0, 1)");
        assertBad("rmsprop", Map.of("decay-rate", -0.5), "decay-rate", "[0, 1)");
        assertBad("adam", Map.of("beta2", 1.5), "beta2", "[0, 1)");
        assertBad("adagrad", Map.of("weight-decay", -1), "weight-decay", "≥ 0");
        assertBad("nesterov", Map.of("lr", "fast"), "lr", "a number");
    }

    private static void assertBad(String name, Map<String, Object> options, String path, String part) {
        OptionException e = assertThrows(OptionException.class,
                () -> OptimizerRegistry.create(name, Options.of(options)));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void defaultsAreTheBooks() {
        // SGD's default lr is 0.01: one step on w = 1, g = 1 gives 0.99.
        var p = dev.dlfs.tensor.Parameter.of("w", dev.dlfs.tensor.Tensor.of(new double[] {1}), false);
        p.grad().fill(1);
        OptimizerRegistry.create("sgd", Options.empty()).step(List.of(p));
        assertEquals(0.99, p.value().item(), 1e-15);
        // Adam's default lr is 0.001: its first step is lr long.
        p.value().fill(1);
        OptimizerRegistry.create("adam", Options.empty()).step(List.of(p));
        assertEquals(0.999, p.value().item(), 1e-8);
    }
}
