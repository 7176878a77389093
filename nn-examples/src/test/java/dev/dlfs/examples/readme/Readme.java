package dev.dlfs.examples.readme;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The repository's README.md and its code blocks, for the tests that check them. */
final class Readme {
    /** The repository (surefire passes it as {@code dlfs.home}). */
    static final Path HOME = Path.of(System.getProperty("dlfs.home", ".."));

    private Readme() {
    }

    static List<CodeBlock> blocks() throws IOException {
        return CodeBlock.parse(text(), "README.md");
    }

    static String text() throws IOException {
        return Files.readString(HOME.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The one block of {@code language} under the heading {@code heading}. */
    static CodeBlock onlyBlock(String language, String heading) throws IOException {
        List<CodeBlock> found = blocks().stream()
                .filter(b -> b.language().equals(language) && b.heading().equals(heading)).toList();
        if (found.size() != 1) {
            fail("README.md has " + found.size() + " " + language + " blocks under the heading '" + heading
                    + "'; this test checks the one it expects there");
        }
        return found.getFirst();
    }

    /**
     * Ends a test whose README block needs a real data set that is not installed, as the real-data tests do: CI
     * must have the data (scripts/test.sh installs it), so there it fails; elsewhere it is reported as skipped,
     * never as passed, with a loud message.
     */
    static void dataMissing(CodeBlock block, String message) {
        String where = block.where() + " needs a data set that is not on this machine:\n*** " + message;
        if (System.getenv("CI") != null) {
            fail("\n*** REAL DATA MISSING in CI: " + where);
        }
        System.err.println("\n*** REAL DATA MISSING: " + where + "\n*** so the block is NOT run: SKIPPED, not passed.");
        Assumptions.abort(block.where() + " needs data that is not on this machine; skipped, not passed");
    }
}
