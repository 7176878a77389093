package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Help, version and the error paths of the command line: exit codes, one paragraph, no stack trace. */
class CommandLineTest {
    @Test
    void helpListsEverySubcommand() {
        Run r = Run.of("--help");
        assertEquals(0, r.exitCode(), r.toString());
        for (String command : new String[] {"train", "eval", "predict", "gradcheck", "summary", "plugins", "example"}) {
            assertTrue(r.out().contains("  " + command + " "), command + " missing from\n" + r.out());
        }
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        Run r = Run.of();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Usage: dlfs"), r.out());
    }

    @Test
    void versionNamesDlfsJavaAndTheKernelsChosenForThisMachine() {
        Run r = Run.of("--version");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("dlfs ") && r.out().contains("Java " + Runtime.version().feature()), r.out());
        String kernels = dev.dlfs.tensor.Gemm.kernels();
        assertTrue(kernels.startsWith("gemm: ") && kernels.contains("-bit vectors") && kernels.contains(" registers (")
                && kernels.contains("tiles "), kernels);
        assertTrue(r.out().contains(kernels), r.out());
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneParagraph() {
        Run r = Run.of("example", "--bogus");
        assertEquals(2, r.exitCode(), r.toString());
        assertOneParagraph(r);
        assertTrue(r.err().contains("'--bogus'") && r.err().contains("dlfs example --help"), r.err());
    }

    @Test
    void aMisspelledCommandGetsASuggestion() {
        Run r = Run.of("plugin");
        assertEquals(2, r.exitCode(), r.toString());
        assertOneParagraph(r);
        assertTrue(r.err().contains("Did you mean 'plugins'"), r.err());
    }

    @Test
    void aNonNumberForANumberOptionIsAUsageError() {
        Run r = Run.of("--threads", "many", "plugins");
        assertEquals(2, r.exitCode(), r.toString());
        assertOneParagraph(r);
        assertTrue(r.err().contains("'many'"), r.err());
    }

    @Test
    void aFailingCommandExplainsItselfInOneParagraphWithExitCodeOne() {
        Run r = Run.of("example", "lyers");
        assertEquals(1, r.exitCode(), r.toString());
        assertOneParagraph(r);
        assertTrue(r.err().startsWith("dlfs example: there is no example 'lyers'"), r.err());
        assertTrue(r.err().contains("did you mean 'layers'?"), r.err());
        assertTrue(r.err().contains("Run 'dlfs example'"), r.err());
    }

    @Test
    void verboseAddsTheStackTraceWhereverItIsGiven() {
        for (String[] args : new String[][] {{"--verbose", "example", "lyers"}, {"example", "lyers", "-v"}}) {
            Run r = Run.of(args);
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("dlfs example: there is no example"), r.err());
            assertTrue(r.hasStackTrace(), "no stack trace with --verbose:\n" + r.err());
        }
    }

    @Test
    void aMissingPluginFolderIsNamed() {
        Run r = Run.of("--plugins", "no/such/folder", "plugins");
        assertEquals(1, r.exitCode(), r.toString());
        assertOneParagraph(r);
        assertTrue(r.err().contains("plugin path no/such/folder does not exist"), r.err());
    }

    @Test
    void exampleWithoutANameListsThemAll() {
        Run r = Run.of("example");
        assertEquals(0, r.exitCode(), r.toString());
        for (String name : new String[] {"tensor", "layers", "loss", "optim", "data", "model"}) {
            assertTrue(r.out().contains("\n  " + name + " "), name + " missing from\n" + r.out());
        }
    }

    static void assertOneParagraph(Run r) {
        assertFalse(r.hasStackTrace(), "stack trace without --verbose:\n" + r.err());
        String text = r.err().strip();
        assertFalse(text.isEmpty(), "nothing on the error stream");
        assertFalse(text.contains("\n\n"), "more than one paragraph:\n" + r.err());
        assertTrue(text.lines().count() <= 3, "too long for one paragraph:\n" + r.err());
    }
}
