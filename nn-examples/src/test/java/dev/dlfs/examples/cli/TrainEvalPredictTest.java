package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dlfs train} on a small synthetic set, then {@code eval}, {@code predict} and {@code summary} on it. */
class TrainEvalPredictTest {
    static final String SPIRALS = """
            name: spirals-net
            input: [2]
            layers:
              - {type: affine, units: 24, init: he}
              - {type: relu}
              - {type: affine, units: 2, init: he}
            loss: softmax-with-loss
            optimizer: {type: adam, lr: 0.05}
            training: {epochs: 30, batch-size: 20, seed: 3}
            data: {source: spirals, n: 100, noise: 0.1}
            """;

    @TempDir
    static Path dir;
    static Path config;
    static Path out;
    static Run train;

    @BeforeAll
    static void trainOnce() throws Exception {
        config = dir.resolve("spirals.yaml");
        Files.writeString(config, SPIRALS);
        out = dir.resolve("run");
        train = Run.of("train", config.toString(), "--epochs", "12", "--out", out.toString());
    }

    @Test
    void trainWritesCheckpointMetricsPlotsAndTheConfigurationAsRun() throws Exception {
        assertEquals(0, train.exitCode(), train.toString());
        for (String f : List.of("checkpoint.npz", "metrics.csv", "metrics.json", "loss.png", "accuracy.png",
                "config.yaml")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing; " + train);
        }
        // 200 samples / batch 20 = 10 iterations per epoch; --epochs 12 overrides the configured 30.
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("iteration,loss,train_accuracy,test_accuracy", csv.get(0));
        assertEquals(1 + 120 + 1, csv.size(), "header, 120 iterations and the final evaluation row");
        assertEquals(12, NetworkConfig.load(out.resolve("config.yaml")).training().epochs());
        BufferedImage loss = ImageIO.read(out.resolve("loss.png").toFile());
        assertEquals(800, loss.getWidth());
        assertEquals(500, loss.getHeight());
        assertTrue(train.out().contains("epoch 12/12"), train.out());
    }

    @Test
    void theCheckpointHoldsTheTrainedNetworkAndEvalAgreesWithIt() throws Exception {
        assertEquals(0, train.exitCode(), train.toString());
        Network net = Checkpoint.load(out.resolve("checkpoint.npz")).network();
        var data = net.config().loadData();
        int correct = net.countCorrect(data.test().x(), data.test().t());
        // The run's last test accuracy (printed by train) is the checkpoint's.
        assertTrue(train.out().contains(String.format("test accuracy %.4f", correct / 200.0)), train.out());

        Run eval = Run.of("eval", out.resolve("checkpoint.npz").toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(eval.out().contains("accuracy " + String.format("%.4f (%d of 200 correct)", correct / 200.0,
                correct)), eval.out());
        // Rows of the confusion matrix add up to the 100 samples of each class.
        Matcher row = Pattern.compile("(?m)^ +([01]) +(\\d+) +(\\d+) +").matcher(eval.out());
        int rows = 0;
        int diagonal = 0;
        while (row.find()) {
            int cls = Integer.parseInt(row.group(1));
            int a = Integer.parseInt(row.group(2));
            int b = Integer.parseInt(row.group(3));
            assertEquals(100, a + b, "class " + cls + " row");
            diagonal += cls == 0 ? a : b;
            rows++;
        }
        assertEquals(2, rows, eval.out());
        assertEquals(correct, diagonal);
    }

    @Test
    void predictShowsTheClassAndProbabilitiesThatSumToOne() {
        Run r = Run.of("predict", out.resolve("checkpoint.npz").toString(), "--index", "5");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("sample 5, true class "), r.out());
        Matcher p = Pattern.compile("(?m)^  [01] +(\\d\\.\\d{4})").matcher(r.out());
        double sum = 0;
        int n = 0;
        while (p.find()) {
            sum += Double.parseDouble(p.group(1));
            n++;
        }
        assertEquals(2, n, r.out());
        assertEquals(1.0, sum, 2e-4);
    }

    @Test
    void predictRejectsAnIndexOutsideTheTestSet() {
        Run r = Run.of("predict", out.resolve("checkpoint.npz").toString(), "--index", "200");
        assertEquals(2, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains("--index 200 is outside the test set") && r.err().contains("0 to 199"), r.err());
    }

    @Test
    void predictNeedsExactlyOneInput() {
        Run none = Run.of("predict", out.resolve("checkpoint.npz").toString());
        assertEquals(2, none.exitCode(), none.toString());
        CommandLineTest.assertOneParagraph(none);
        assertTrue(none.err().contains("Missing the input"), none.err());
        Run both = Run.of("predict", out.resolve("checkpoint.npz").toString(), "digit.png", "--index", "1");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void summaryShowsLayersAndParameterCount() {
        Run r = Run.of("summary", config.toString());
        assertEquals(0, r.exitCode(), r.toString());
        // 2·24 + 24 + 24·2 + 2 = 122 parameters.
        assertTrue(r.out().contains("122"), r.out());
        assertTrue(r.out().contains("optimizer: adam"), r.out());
    }

    @Test
    void gradcheckPassesForAReluNetworkAwayFromItsKinks() throws Exception {
        Path sigmoid = dir.resolve("sigmoid.yaml");
        Files.writeString(sigmoid, SPIRALS.replace("type: relu", "type: sigmoid"));
        Run r = Run.of("gradcheck", sigmoid.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("affine1.W (W1)") && r.out().contains("ok: every relative error is below"),
                r.out());
    }

    @Test
    void aMissingConfigurationIsNamed() {
        Run r = Run.of("train", dir.resolve("nope.yaml").toString());
        assertEquals(1, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().startsWith("dlfs train: file not found: ") && r.err().contains("nope.yaml"), r.err());
    }

    @Test
    void aConfigurationErrorGivesFileLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, SPIRALS.replace("units: 24", "units: lots"));
        Run r = Run.of("train", bad.toString());
        assertEquals(1, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains("bad.yaml:4:"), r.err());
        assertTrue(r.err().contains("layers[0].units"), r.err());
    }

    @Test
    void conflictingLengthsAreAUsageError() {
        Run r = Run.of("train", config.toString(), "--epochs", "1", "--iterations", "5");
        assertEquals(2, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }
}
