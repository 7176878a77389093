package dev.dlfs.examples;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where an example writes: its text output and the folder for the figures it saves.
 *
 * @param out       the text output
 * @param outputDir the folder figures go to (created when the first one is written)
 */
public record ExampleContext(PrintStream out, Path outputDir) {
    /** A file in the output folder. */
    public Path file(String name) {
        return outputDir.resolve(name);
    }

    /** Prints text as it is. */
    public void print(String text) {
        out.print(text);
    }

    /** Prints one line. */
    public void println(String line) {
        out.println(line);
    }

    /** Prints a formatted line (Locale.ROOT, so decimals always use a dot). */
    public void printf(String format, Object... args) {
        out.print(String.format(java.util.Locale.ROOT, format, args));
    }
}
