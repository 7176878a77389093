package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {
    @Test
    void listsTheBuiltInsOfEveryKindWithTheirModules() {
        Run r = Run.of("plugins");
        assertEquals(0, r.exitCode(), r.toString());
        String out = r.out();
        assertListed(out, "affine", "dev.dlfs.layers");
        assertListed(out, "relu", "dev.dlfs.layers");
        assertListed(out, "softmax-with-loss", "dev.dlfs.loss");
        assertListed(out, "sgd", "dev.dlfs.optim");
        assertListed(out, "adam", "dev.dlfs.optim");
        assertListed(out, "mnist", "dev.dlfs.data");
        for (String section : new String[] {"Layer types (", "Losses (", "Optimizers (", "Data sources ("}) {
            assertTrue(out.contains(section), section + " missing from\n" + out);
        }
    }

    private static void assertListed(String out, String name, String module) {
        Pattern row = Pattern.compile("(?m)^  " + Pattern.quote(name) + " +" + Pattern.quote(module) + " ");
        assertTrue(row.matcher(out).find(), name + " from " + module + " missing from\n" + out);
    }
}
