package dev.dlfs.tensor.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Providers that break their contract are named with their class and where they came from, never blamed on dlfs. */
class BrokenProviderTest {
    interface Maker {
        Set<String> names();

        String create(String name, Options options);
    }

    /** Makes what {@code behaviour} says for the name "it". */
    record ScriptedMaker(Set<String> names, java.util.function.Supplier<String> behaviour) implements Maker {
        @Override
        public String create(String name, Options options) {
            return behaviour.get();
        }
    }

    private static String make(Maker maker) {
        Registry<Maker> r = Registry.<Maker>empty("maker", Maker::names).register(maker);
        return r.create("maker", "it", Options.empty(), Maker::create);
    }

    @Test
    void aProviderReturningNullIsNamedWithItsClassAndSource() {
        BrokenProviderException e = assertThrows(BrokenProviderException.class,
                () -> make(new ScriptedMaker(Set.of("it"), () -> null)));
        assertEquals("maker provider " + ScriptedMaker.class.getName() + " (" + e.failure().source()
                + "): returned null for maker 'it'", e.getMessage());
        assertTrue(!e.failure().source().isBlank(), e.failure().toString());
    }

    @Test
    void anUnexpectedErrorInCreateIsTheProvidersWithTheErrorAsCause() {
        NullPointerException npe = new NullPointerException("weights");
        BrokenProviderException e = assertThrows(BrokenProviderException.class,
                () -> make(new ScriptedMaker(Set.of("it"), () -> {
                    throw npe;
                })));
        assertSame(npe, e.getCause());
        assertTrue(e.getMessage().endsWith("failed to make maker 'it': NullPointerException: weights"),
                e.getMessage());
        AbstractMethodError old = new AbstractMethodError("create(String, Options) of an older SPI");
        BrokenProviderException linkage = assertThrows(BrokenProviderException.class,
                () -> make(new ScriptedMaker(Set.of("it"), () -> {
                    throw old;
                })));
        assertSame(old, linkage.getCause());
    }

    @Test
    void aRefusalOfTheOptionsIsPassedOnAsItIs() {
        IllegalArgumentException refusal = new IllegalArgumentException("units must be positive");
        assertSame(refusal, assertThrows(IllegalArgumentException.class,
                () -> make(new ScriptedMaker(Set.of("it"), () -> {
                    throw refusal;
                }))));
    }

    @Test
    void nonsenseNamesAreRefusedNamingTheProviderAndTheName() {
        Set<String> withNull = new HashSet<>(Arrays.asList("ok", null));
        for (Set<String> names : List.of(Set.of(" "), Set.of(""), Set.of(" padded"), Set.of("two words"), Set.of("two\nlines"),
                Set.of("---"), withNull)) {
            Registry<Maker> r = Registry.empty("maker", Maker::names);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> r.register(new ScriptedMaker(names, () -> "x")), names.toString());
            assertTrue(e.getMessage().startsWith(ScriptedMaker.class.getName() + " claims the maker name "),
                    e.getMessage());
            assertEquals(List.of(), r.names(), "nothing of a refused provider is registered");
        }
        Registry<Maker> r = Registry.empty("maker", Maker::names);
        r.register(new ScriptedMaker(Set.of("leaky-relu", "conv_2d", "v1.5", "Swish"), () -> "x"));
        assertEquals(List.of("Swish", "conv_2d", "leaky-relu", "v1.5"), r.names());
    }

    @Test
    void aFailureReadsAsClassSourceAndProblemAndKeepsItsError() {
        IllegalStateException boom = new IllegalStateException("no licence");
        ProviderFailure f = ProviderFailure.of("layer type", ScriptedMaker.class,
                ProviderFailure.describe(new java.util.ServiceConfigurationError(
                        "dev.x.Maker: Provider " + ScriptedMaker.class.getName() + " could not be instantiated", boom)),
                boom);
        assertEquals(ScriptedMaker.class.getName() + " (" + ProviderFailure.sourceOf(ScriptedMaker.class)
                + "): could not be instantiated: IllegalStateException: no licence", f.toString());
        assertInstanceOf(IllegalStateException.class, f.error());
    }
}
