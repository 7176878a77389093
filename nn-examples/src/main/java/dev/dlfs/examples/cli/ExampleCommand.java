package dev.dlfs.examples.cli;

import dev.dlfs.examples.Example;
import dev.dlfs.examples.ExampleContext;
import dev.dlfs.tensor.spi.Suggestions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlfs example [NAME]}: lists the examples, or runs one. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run one of the book's chapters as a small program that prints the book's numbers;"
                + " without NAME, list them.")
final class ExampleCommand extends Subcommand {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The example to run (see the list).")
    String name;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the figures (default: runs/examples/NAME).")
    Path outDir;

    @Override
    int run() throws Exception {
        if (name == null) {
            out().println("Examples (run one with: dlfs example NAME):");
            for (Example e : ExampleCatalog.all()) {
                out().printf("  %-8s %s%n", e.name(), e.description());
            }
            return 0;
        }
        Example example = ExampleCatalog.find(name).orElseThrow(() -> {
            List<String> names = ExampleCatalog.all().stream().map(Example::name).toList();
            return new UserError("there is no example '" + name + "'; the examples are "
                    + String.join(", ", names) + Suggestions.didYouMean(name, names),
                    "Run 'dlfs example' to list them with their descriptions.");
        });
        Path dir = outDir != null ? outDir : Path.of("runs", "examples", example.name());
        example.run(new ExampleContext(out(), dir));
        return 0;
    }
}
