package dev.dlfs.tensor.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryCreateTest {
    /** A provider kind for the test: makes a string from the name it is asked for and option {@code n}. */
    interface Maker {
        Set<String> names();

        String create(String name, Options options);
    }

    private static final Maker GATES = new Maker() {
        public Set<String> names() {
            return Set.of("and", "fashion-mnist");
        }

        public String create(String name, Options options) {
            return name + options.getInt("n", 1);
        }
    };

    private final Registry<Maker> registry = Registry.<Maker>empty("maker", Maker::names).register(GATES);

    @Test
    void theProviderGetsTheNameAsItDeclaresIt() {
        assertEquals("fashion-mnist3",
                registry.create("maker", "Fashion_MNIST", Options.of(Map.of("n", 3)), Maker::create));
    }

    @Test
    void optionsTheProviderDidNotReadAreRefusedAfterCreation() {
        OptionException e = assertThrows(OptionException.class,
                () -> registry.create("maker", "and", Options.of(Map.of("colour", 3)), Maker::create));
        assertEquals("maker 'and': unknown option 'colour'; known options: n", e.getMessage());
        assertEquals("colour", e.path());
    }

    @Test
    void nestedOptionsAreCheckedByTheirParent() {
        Options o = Options.of(Map.of("init", Map.of("type", "he", "sdt", 0.1)));
        assertEquals("he", o.options("init").requireString("type"));
        OptionException e = assertThrows(OptionException.class, () -> o.rejectUnknown("layer 'affine'"));
        assertEquals("layer 'affine' init: unknown option 'sdt'; known options: type", e.getMessage());
        assertEquals("init.sdt", e.path());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        OptionException e = assertThrows(OptionException.class,
                () -> registry.create("maker", "nand", Options.empty(), Maker::create));
        assertEquals("unknown maker 'nand'; known makers: and, fashion-mnist; did you mean 'and'?", e.getMessage());
    }
}
