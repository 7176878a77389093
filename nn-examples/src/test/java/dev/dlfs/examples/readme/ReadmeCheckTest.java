package dev.dlfs.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.layers.LayerSpec;
import dev.dlfs.model.ConfigException;
import dev.dlfs.model.NetworkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README checks on made-up Markdown: their failures point at the Markdown line, and the markers work. */
class ReadmeCheckTest {
    @Test
    void aCompileErrorNamesTheReadmeLineAndJavacsMessage(@TempDir Path dir) {
        String md = """
                # Title
                Some text.

                ```java
                int units = 50;
                String name = units;
                ```
                """;
        JavaUnit unit = JavaUnit.of(CodeBlock.parse(md, "README.md")).getFirst();
        AssertionError e = assertThrows(AssertionError.class, () -> unit.compile(JavaBlockCompiler.ofThisRun(), dir));
        assertTrue(e.getMessage().contains("README.md:6: incompatible types: int cannot be converted to"
                + " java.lang.String\n    String name = units;"), e.getMessage());
    }

    @Test
    void blocksInAListJoinTheModuleDeclaredUnderTheirHeading(@TempDir Path dir) throws Exception {
        String md = """
                ### A plugin

                1. The module:

                   ```java
                   module com.example.readme {
                       requires dev.dlfs.layers;
                   }
                   ```

                2. A class of it, using the imports the test adds:

                   ```java
                   final class Shapes {
                       static Tensor ones(int n) { return Tensor.zeros(DType.FLOAT64, n).addInPlace(1); }
                       static List<Integer> none() { return List.of(); }
                   }
                   ```

                ### Elsewhere

                ```java
                final class Broken { Tensor t = 1; }
                ```
                """;
        List<JavaUnit> units = JavaUnit.of(CodeBlock.parse(md, "README.md"));
        assertEquals(2, units.size(), units.toString());
        assertEquals(List.of(5, 13), units.getFirst().blocks().stream().map(CodeBlock::line).toList());
        Path classes = units.getFirst().compile(JavaBlockCompiler.ofThisRun(), dir.resolve("a")).getFirst();
        assertTrue(Files.isRegularFile(classes.resolve("module-info.class")));
        assertTrue(Files.isRegularFile(classes.resolve("com/example/readme/Shapes.class")));

        AssertionError e = assertThrows(AssertionError.class,
                () -> units.get(1).compile(JavaBlockCompiler.ofThisRun(), dir.resolve("b")));
        assertTrue(e.getMessage().contains("README.md:23: incompatible types: int cannot be converted to"
                + " dev.dlfs.tensor.Tensor"), e.getMessage());
    }

    @Test
    void aBlockWithItsOwnImportsIsCompiledAsWritten(@TempDir Path dir) {
        String md = """
                ```java
                import dev.dlfs.model.TrainingConfig;

                final class Book {
                    static final int ITERATIONS = TrainingConfig.book().iterations();
                }
                ```
                """;
        JavaUnit unit = JavaUnit.of(CodeBlock.parse(md, "README.md")).getFirst();
        Path classes = unit.compile(JavaBlockCompiler.ofThisRun(), dir).getFirst();
        assertTrue(Files.isRegularFile(classes.resolve("Book.class")));
    }

    @Test
    void aStatementsBlockRunsWithItsReplacementsMade(@TempDir Path dir) throws Exception {
        String md = """
                <!-- readme-test: replace "10000" with "600" (fast); not run -->
                ```java
                System.out.println(TrainingConfig.iterations(10000).iterations());
                ```

                <!-- readme-test: replace "10000" with "600" (fast) -->
                ```java
                System.out.println(TrainingConfig.iterations(10000).iterations());
                ```
                """;
        List<JavaUnit> units = JavaUnit.of(CodeBlock.parse(md, "README.md"));
        assertFalse(units.getFirst().runs());
        JavaUnit unit = units.get(1);
        assertTrue(unit.runs());
        JavaBlockCompiler javac = JavaBlockCompiler.ofThisRun();
        JavaBlockRun run = unit.run(javac, unit.compile(javac, dir), dir.resolve("work"));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("600", run.out().strip());
    }

    @Test
    void aWrongMarkerIsAnErrorAtItsBlock() {
        String md = """
                Text.
                <!-- readme-test: skip this -->
                ```java
                int x = 1;
                ```
                <!-- readme-test: replace "2" with "3" -->
                ```java
                int x = 1;
                ```
                """;
        List<CodeBlock> blocks = CodeBlock.parse(md, "README.md");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BlockMarker.of(blocks.getFirst()));
        assertTrue(unknown.getMessage().startsWith("README.md:3: the readme-test comment before this block says"
                + " 'skip this'; known directives: not run, fragment"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BlockMarker.of(blocks.get(1)).apply(blocks.get(1), blocks.get(1).code()));
        assertTrue(missing.getMessage().startsWith("README.md:7: the readme-test comment before this block replaces"
                + " \"2\", which the block does not contain"), missing.getMessage());
    }

    @Test
    void aMarkerAwayFromItsBlockIsAnError() {
        String md = """
                <!-- readme-test: not run -->
                The block below needs a download.
                ```java
                int x = 1;
                ```
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodeBlock.parse(md, "README.md"));
        assertEquals("README.md:1: this readme-test comment is not right before a code block: line 2 comes between",
                e.getMessage());
    }

    @Test
    void aYamlErrorNamesTheReadmeLineAndColumn() {
        String md = """
                # Config

                ```yaml
                input: [4]
                layers:
                  - {type: afine, units: 2}
                loss: softmax-with-loss
                ```
                """;
        CodeBlock block = CodeBlock.parse(md, "README.md").getFirst();
        ConfigException e = assertThrows(ConfigException.class, () -> YamlBlock.config(block));
        assertTrue(e.getMessage().startsWith("README.md:6:12: layers[0].type: unknown layer type 'afine'"),
                e.getMessage());
    }

    @Test
    void aYamlFragmentIsReadWithTheSectionsItLacksFromAMinimalNetwork() {
        String md = """
                <!-- readme-test: fragment -->
                ```yaml
                optimizer: {type: adam, lr: 0.001}
                loss: mean-squared-error
                ```
                ```yaml
                optimizer: {type: adam, lr: 0.001}
                ```
                """;
        List<CodeBlock> blocks = CodeBlock.parse(md, "README.md");
        NetworkConfig fragment = YamlBlock.config(blocks.getFirst());
        assertEquals("adam", fragment.optimizer().type());
        assertEquals("mean-squared-error", fragment.loss().type());
        assertEquals(List.of(4), fragment.input());
        assertEquals(List.of("affine"), fragment.layers().stream().map(LayerSpec::type).toList());
        // Unmarked, the same text is not a whole network.
        assertThrows(ConfigException.class, () -> YamlBlock.config(blocks.get(1)));
    }
}
