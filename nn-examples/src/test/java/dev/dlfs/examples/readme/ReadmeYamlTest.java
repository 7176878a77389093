package dev.dlfs.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.dlfs.examples.cli.Main;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The README's network configurations, read from the README with dlfs's own reader, and what it says of them. */
class ReadmeYamlTest {
    private static final String YAML_TOUR = "1. A network in YAML";

    @TestFactory
    Stream<DynamicTest> everyBlockIsANetworkDlfsBuilds() throws IOException {
        List<CodeBlock> yaml = Readme.blocks().stream().filter(b -> b.language().equals("yaml")).toList();
        assertFalse(yaml.isEmpty(), "the README has no YAML blocks");
        return yaml.stream().map(b -> dynamicTest(b.where() + " yaml", () -> {
            try {
                Network.of(YamlBlock.config(b));
            } catch (IllegalArgumentException e) {
                // Configuration errors carry README.md:LINE:COLUMN already; others get the block's line.
                fail(e.getMessage().startsWith(b.file() + ":") ? e.getMessage() : b.where() + ": " + e.getMessage(), e);
            }
        }));
    }

    /** The tour says its YAML is the shipped {@code examples/two-layer-net.yaml}. */
    @Test
    void theToursNetworkIsTheShippedExample() throws IOException {
        CodeBlock tour = Readme.onlyBlock("yaml", YAML_TOUR);
        NetworkConfig shipped = NetworkConfig.load(Readme.HOME.resolve("examples/two-layer-net.yaml"));
        assertEquals(shipped.toYaml(), YamlBlock.config(tour).toYaml(),
                tour.where() + " shows examples/two-layer-net.yaml, which says something else now");
    }

    /**
     * The tour's transcript of a mistake ({@code $ sed 's/A/B/' FILE > broken.yaml}, {@code $ ./dlfs train
     * broken.yaml}, then the output) is what {@code dlfs train} prints for that file, line breaks aside.
     */
    @Test
    void theToursMistakeGetsTheErrorShown(@TempDir Path dir) throws IOException {
        CodeBlock transcript = Readme.blocks().stream().filter(b -> b.code().contains("$ ./dlfs train broken.yaml"))
                .findFirst().orElseThrow(() -> new AssertionError("the README shows no `./dlfs train broken.yaml`"));
        Matcher m = Pattern.compile("\\$ sed 's/([^/]*)/([^/]*)/' (\\S+) > broken\\.yaml\n"
                + "\\$ \\./dlfs train broken\\.yaml\n(.+)", Pattern.DOTALL).matcher(transcript.code());
        assertTrue(m.matches(), transcript.where() + ": expected `$ sed 's/A/B/' FILE > broken.yaml`, then"
                + " `$ ./dlfs train broken.yaml`, then its output; found\n" + transcript.code());
        Pattern sed = Pattern.compile(m.group(1));
        String original = Files.readString(Readme.HOME.resolve(m.group(3)), StandardCharsets.UTF_8);
        String broken = original.lines().map(l -> sed.matcher(l).replaceFirst(Matcher.quoteReplacement(m.group(2))))
                .collect(Collectors.joining("\n", "", "\n"));
        assertNotEquals(original, broken, transcript.where() + ": the sed command changes nothing in " + m.group(3));
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken, StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(o, e, "train", file.toString());
        }
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, printed);
        assertEquals(words(m.group(4)), words(printed.replace(file.toString(), "broken.yaml")),
                transcript.where() + ": the output shown is not what dlfs prints");
    }

    private static String words(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
