package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DatasetNotFoundException;
import dev.dlfs.data.Mnist;
import dev.dlfs.data.MnistKind;
import dev.dlfs.data.MnistOptions;
import dev.dlfs.model.BookWeights;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is data: {@code eval}, {@code predict} and {@code summary} of a checkpoint whose stored data section
 * names mirrors on a local listener, a folder, {@code download: true} and {@code verify: false} never connect there
 * nor create the folder; the data is found where the user keeps it.
 */
class CheckpointDataTest {
    private static final Path HOME = Path.of(System.getProperty("dlfs.home", ".."));

    /** The stored data options a hostile checkpoint adds: a mirror on {@code listener}, a folder, a download. */
    static Map<String, Object> hostile(ConnectionCounter listener, Path folder) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dir", folder.toString());
        o.put("download", true);
        o.put("mirrors", List.of(listener.url("mnist/")));
        o.put("verify", false);
        return o;
    }

    static Path checkpoint(Network net, Path file) throws Exception {
        Checkpoint.save(file, net);
        return file;
    }

    @Test
    void onlyTheSourceAndTheOptionsThatShapeSamplesAreKept() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("normalize", false);
        stored.put("dir", "/tmp/x");
        stored.put("one-hot", true);
        stored.put("mirrors", List.of("http://example.org/"));
        stored.put("train", "iris.csv");
        stored.put("download", true);
        CheckpointData d = CheckpointData.of(DataConfig.of("mnist", stored));
        assertEquals("mnist", d.kept().source());
        assertEquals(Map.of("normalize", false, "one-hot", true), d.kept().options().asMap());
        assertEquals(List.of("dir", "mirrors", "train", "download"), d.ignored());
        assertTrue(d.note("c.npz").contains("c.npz also stores data option(s) dir, mirrors, train, download,"
                + " ignored"), d.note("c.npz"));
        assertEquals("", CheckpointData.of(DataConfig.of("spirals", Map.of("n", 5))).note("c.npz"));
    }

    @Test
    void evalPredictAndSummaryOfASyntheticCheckpointIgnoreItsPlacesAndConnectNowhere(@TempDir Path dir)
            throws Exception {
        try (ConnectionCounter listener = new ConnectionCounter()) {
            Path folder = dir.resolve("made-by-the-checkpoint");
            Map<String, Object> data = new LinkedHashMap<>(hostile(listener, folder));
            data.put("n", 50);
            NetworkConfig c = NetworkConfig.parse(TrainEvalPredictTest.SPIRALS, "spirals.yaml")
                    .withData(DataConfig.of("spirals", data));
            Path file = checkpoint(Network.of(c), dir.resolve("theirs.npz"));

            Run eval = Run.of("eval", file.toString());
            assertEquals(0, eval.exitCode(), eval.toString());
            assertTrue(eval.out().contains(" of 100 correct)"),
                    "the 2 x 50 test samples of the stored n: " + eval.out());
            assertTrue(eval.out().contains("also stores data option(s) dir, download, mirrors, verify, ignored"),
                    eval.out());
            Run predict = Run.of("predict", file.toString(), "--index", "3");
            assertEquals(0, predict.exitCode(), predict.toString());
            Run summary = Run.of("summary", file.toString());
            assertEquals(0, summary.exitCode(), summary.toString());
            assertTrue(summary.out().contains("data:      spirals {n=50}  (stored but ignored: dir, download,"
                    + " mirrors, verify;"), summary.out());
            assertTrue(summary.out().contains("122"), "the parameter count: " + summary.out());

            assertEquals(0, listener.connections(), "connections to the checkpoint's mirror");
            assertFalse(Files.exists(folder), "the checkpoint's folder was created");
        }
    }

    @Test
    void dataGivenAsAConfigurationIsTheUsersChoiceAndIsUsedWhole(@TempDir Path dir) throws Exception {
        Path file = checkpoint(Network.of(NetworkConfig.parse(TrainEvalPredictTest.SPIRALS, "spirals.yaml")),
                dir.resolve("net.npz"));
        Path mine = dir.resolve("mine.yaml");
        Files.writeString(mine, TrainEvalPredictTest.SPIRALS.replace("n: 100", "n: 30"));
        Run eval = Run.of("eval", file.toString(), "--data", mine.toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(eval.out().contains(" of 60 correct)"), "2 x 30 test samples from mine.yaml: " + eval.out());

        Path noData = dir.resolve("no-data.yaml");
        Files.writeString(noData, TrainEvalPredictTest.SPIRALS.replaceAll("(?m)^data:.*$", ""));
        Run refused = Run.of("eval", file.toString(), "--data", noData.toString());
        assertEquals(1, refused.exitCode(), refused.toString());
        CommandLineTest.assertOneParagraph(refused);
        assertTrue(refused.err().contains("no-data.yaml") && refused.err().contains("without a 'data' section"),
                refused.err());
    }

    @Test
    void evalOfAnMnistCheckpointReadsTheUsersMnistAndNeverTheCheckpointsMirrors(@TempDir Path dir)
            throws Exception {
        requireMnist();
        Path weights = BookNetworksTest.SAMPLE_WEIGHT;
        NetworkConfig c = NetworkConfig.load(HOME.resolve("examples/sigmoid-net.yaml"));
        try (ConnectionCounter listener = new ConnectionCounter()) {
            Path folder = dir.resolve("made-by-the-checkpoint");
            Map<String, Object> data = new LinkedHashMap<>(c.data().options().asMap());
            data.putAll(hostile(listener, folder));
            Network net = Network.of(c.withData(DataConfig.of("mnist", data)));
            BookWeights.load(net, weights);
            Path file = checkpoint(net, dir.resolve("theirs.npz"));

            Run eval = Run.of("eval", file.toString());
            assertEquals(0, eval.exitCode(), eval.toString());
            assertTrue(eval.out().contains("accuracy 0.9352 (9352 of 10000 correct)"), eval.out());
            Run predict = Run.of("predict", file.toString(), "--index", "0");
            assertEquals(0, predict.exitCode(), predict.toString());
            assertTrue(predict.out().contains("predicted class 7 "), predict.out());
            // --data SOURCE replaces the stored source and keeps only what the stored section may say.
            Run named = Run.of("eval", file.toString(), "--data", "mnist");
            assertEquals(0, named.exitCode(), named.toString());
            assertTrue(named.out().contains("dir, download, mirrors, verify, ignored"), named.out());

            assertEquals(0, listener.connections(), "connections to the checkpoint's mirror");
            assertFalse(Files.exists(folder), "the checkpoint's folder was created");
        }
    }

    /** Real MNIST where the user keeps it: CI must have it; elsewhere the test is skipped, loudly. */
    static void requireMnist() throws Exception {
        try {
            Mnist.locate(MnistKind.MNIST, MnistOptions.DEFAULT);
        } catch (DatasetNotFoundException e) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("REAL DATA MISSING in CI: " + e.getMessage(), e);
            }
            Assumptions.abort("MNIST is not on this machine; skipped, not passed: " + e.getMessage());
        }
    }
}
