package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkConfigTest {
    static final String BOOK = """
            input: [784]
            layers:
              - {type: affine, units: 50, init: {std: 0.01}}
              - {type: relu}
              - {type: affine, units: 10}
            loss: softmax-with-loss
            optimizer: {type: sgd, lr: 0.1}
            training: {iterations: 10000, batch-size: 100, seed: 42, eval: per-epoch}
            data: {source: mnist, normalize: true, flatten: true, one-hot: true}
            """;

    private static ConfigException fails(String yaml) {
        return assertThrows(ConfigException.class, () -> NetworkConfig.parse(yaml, "net.yaml"));
    }

    @Test
    void readsTheBooksTwoLayerNet() {
        NetworkConfig c = NetworkConfig.parse(BOOK, "net.yaml");
        assertArrayEquals(new int[] {784}, c.inputShape());
        assertEquals(DType.FLOAT32, c.dtype());
        assertEquals(List.of("affine", "relu", "affine"), c.layers().stream().map(l -> l.type()).toList());
        assertEquals(50, c.layers().get(0).options().requireInt("units"));
        assertEquals(0.01, c.layers().get(0).options().options("init").requireDouble("std"));
        assertEquals("softmax-with-loss", c.loss().type());
        assertEquals("sgd", c.optimizer().type());
        assertEquals(0.1, c.optimizer().options().requireDouble("lr"));
        TrainingConfig t = c.training();
        assertEquals(10000, t.iterations());
        assertEquals(0, t.epochs());
        assertEquals(100, t.batchSize());
        assertEquals(42, t.seed());
        assertEquals(42, c.seed(), "without a top-level seed the training seed seeds the weights");
        assertEquals(EvalSchedule.perEpoch(), t.eval());
        assertEquals(Sampling.RANDOM, t.sampler());
        assertEquals("mnist", c.data().source());
        assertEquals(Map.of("normalize", true, "flatten", true, "one-hot", true), c.data().options().asMap());
    }

    @Test
    void optionalSectionsMayBeLeftOut() {
        NetworkConfig c = NetworkConfig.parse("input: 4\nlayers: [relu]\nloss: softmax-with-loss\n", null);
        assertArrayEquals(new int[] {4}, c.inputShape());
        assertNull(c.optimizer());
        assertNull(c.training());
        assertNull(c.data());
        assertEquals(0, c.seed());
    }

    @Test
    void anUnknownLayerTypeIsLocatedAndGetsASuggestion() {
        ConfigException e = fails("""
                input: [784]
                layers:
                  - {type: affine, units: 50}
                  - {type: rleu}
                loss: softmax-with-loss
                """);
        assertEquals("layers[1].type", e.path());
        assertEquals(4, e.line());
        assertEquals(12, e.column());
        assertTrue(e.getMessage().startsWith("net.yaml:4:12: layers[1].type: unknown layer type 'rleu'; known layer"
                + " types: "), e.getMessage());
        assertTrue(e.getMessage().contains("affine"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean 'relu'?"), e.getMessage());
    }

    @Test
    void anUnknownTopLevelKeyPointsAtTheKey() {
        ConfigException e = fails(BOOK.replace("optimizer:", "optimiser:"));
        assertEquals("optimiser", e.path());
        assertEquals(7, e.line());
        assertEquals(1, e.column());
        assertTrue(e.problem().startsWith("unknown key 'optimiser' in the network configuration; known keys: name,"),
                e.problem());
        assertTrue(e.problem().endsWith("did you mean 'optimizer'?"), e.problem());
    }

    @Test
    void anUnknownTrainingKeyGetsASuggestion() {
        ConfigException e = fails(BOOK.replace("batch-size:", "batch_size:"));
        assertEquals("training.batch_size", e.path());
        assertEquals(8, e.line());
        assertEquals(31, e.column());
        assertTrue(e.problem().endsWith("did you mean 'batch-size'?"), e.problem());
    }

    @Test
    void aMissingRequiredKeyNamesIt() {
        ConfigException e = fails("input: [784]\nloss: softmax-with-loss\n");
        assertEquals("net.yaml:1:1: missing required key 'layers'", e.getMessage());
        ConfigException t = fails(BOOK.replace("iterations: 10000, ", ""));
        assertEquals("training", t.path());
        assertTrue(t.problem().contains("'iterations' or 'epochs'"), t.problem());
    }

    @Test
    void wrongValueTypesSayWhatWasExpected() {
        ConfigException batch = fails(BOOK.replace("batch-size: 100", "batch-size: '100'"));
        assertEquals("training.batch-size", batch.path());
        assertEquals("option 'batch-size' must be a whole number, found '100'", batch.problem());
        assertEquals(8, batch.line());
        assertEquals(43, batch.column());
        ConfigException input = fails(BOOK.replace("input: [784]", "input: [784, x]"));
        assertEquals("input[1]", input.path());
        assertEquals("expected a positive whole number, found 'x'", input.problem());
        ConfigException layers = fails(BOOK.replace("  - {type: relu}\n", "  - {type: [relu]}\n"));
        assertEquals("layers[1].type", layers.path());
        ConfigException eval = fails(BOOK.replace("eval: per-epoch", "eval: sometimes"));
        assertEquals("training.eval", eval.path());
        assertTrue(eval.problem().contains("per-epoch, none or 'every N'"), eval.problem());
        ConfigException dtype = fails("dtype: float16\n" + BOOK);
        assertEquals("expected float32 or float64, found 'float16'", dtype.problem());
        ConfigException both = fails(BOOK.replace("iterations: 10000", "iterations: 10000, epochs: 3"));
        assertEquals("training.epochs", both.path());
        ConfigException factor = fails(BOOK.replace("iterations: 10000", "iterations: 10000, divergence-factor: 1"));
        assertEquals("training.divergence-factor", factor.path());
        assertEquals("expected a factor above 1, or 0 to turn the divergence rule off, found 1.0", factor.problem());
    }

    @Test
    void syntaxErrorsAreLocatedWithoutAStackTraceDump() {
        ConfigException e = fails("input: [784\nlayers: [relu]\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("net.yaml:2:"), e.getMessage());
        assertTrue(e.problem().startsWith("invalid YAML: "), e.problem());
        assertFalse(e.getMessage().contains("jackson"), e.getMessage());
        ConfigException dup = fails("input: [784]\ninput: [10]\n");
        assertEquals("net.yaml:2:1: duplicate key 'input' (first at 1:1)", dup.getMessage());
        ConfigException notAMap = fails("- relu\n");
        assertTrue(notAMap.problem().startsWith("expected a map with input, layers and loss"), notAMap.problem());
    }

    @Test
    void unknownLossOptimizerAndDataNamesAreLocated() {
        assertEquals("loss", fails(BOOK.replace("softmax-with-loss", "softmax-with-los")).path());
        ConfigException o = fails(BOOK.replace("type: sgd", "type: adamm"));
        assertEquals("optimizer.type", o.path());
        assertTrue(o.problem().endsWith("did you mean 'adam'?"), o.problem());
        assertEquals("data.source", fails(BOOK.replace("source: mnist", "source: mnits")).path());
    }

    @Test
    void yamlRoundTripKeepsEverything() {
        NetworkConfig c = NetworkConfig.parse(BOOK, "net.yaml").withTraining(
                TrainingConfig.epochs(3).withEval(EvalSchedule.every(50)).withTargetAccuracy(0.97)
                        .withEvalSample(1000));
        String yaml = c.toYaml();
        NetworkConfig back = NetworkConfig.parse(yaml, "back.yaml");
        assertEquals(yaml, back.toYaml());
        assertEquals(c.training(), back.training());
        assertTrue(yaml.contains("  - {type: affine, units: 50, init: {std: 0.01}}\n"), yaml);
        assertTrue(yaml.contains("input: [784]\n"), yaml);
    }

    @Test
    void loadNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "input: [784]\nlayer: []\n");
        ConfigException e = assertThrows(ConfigException.class, () -> NetworkConfig.load(f));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().startsWith(f + ":2:1: layer: unknown key 'layer'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean 'layers'?"), e.getMessage());
    }
}
