package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.Dataset;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dlfs eval --untrained} (a configuration's initial weights) and {@code --repeat N} (timed passes). */
class EvalTimingTest {
    private static final Pattern TIMING =
            Pattern.compile("(?m)^inference of the 200 images of .+, seconds per pass: (.+)$");

    @TempDir
    static Path dir;
    static Path config;

    @BeforeAll
    static void writeConfiguration() throws Exception {
        config = dir.resolve("spirals.yaml");
        Files.writeString(config, TrainEvalPredictTest.SPIRALS);
    }

    @Test
    void untrainedEvaluatesTheSeededInitialWeightsAndSaysTheAccuracyMeansNothing() throws Exception {
        Network initial = Network.of(NetworkConfig.load(config));
        Dataset test = initial.config().loadData().test();
        int correct = initial.countCorrect(test.x(), test.t());

        Run r = Run.of("eval", config.toString(), "--untrained");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("spirals-net is untrained") && r.out().contains("means nothing"), r.out());
        assertTrue(r.out().contains(String.format("(%d of 200 correct)", correct)), r.out());
        assertFalse(r.out().contains("seconds per pass"), "timing without --repeat:\n" + r.out());
    }

    @Test
    void repeatTimesEveryPassOnTheLastLineAndKeepsTheAccuracy() {
        Run once = Run.of("eval", config.toString(), "--untrained");
        Run r = Run.of("eval", config.toString(), "--untrained", "--repeat", "3");
        assertEquals(0, r.exitCode(), r.toString());
        Matcher m = TIMING.matcher(r.out());
        assertTrue(m.find() && r.out().substring(m.end()).isBlank(), "no timing line at the end:\n" + r.out());
        String[] seconds = m.group(1).split(", ");
        assertEquals(3, seconds.length, m.group(0));
        for (String s : seconds) {
            assertTrue(s.matches("\\d+\\.\\d{3}"), "not seconds: " + s);
        }
        // Everything before the timing line is what one untimed evaluation prints.
        assertEquals(once.out(), r.out().substring(0, m.start()));
    }

    @Test
    void aRepeatBelowOneOrNotANumberIsAUsageErrorNamingTheOption() {
        for (String bad : new String[] {"0", "-2"}) {
            Run r = Run.of("eval", config.toString(), "--untrained", "--repeat", bad);
            assertEquals(2, r.exitCode(), r.toString());
            CommandLineTest.assertOneParagraph(r);
            assertTrue(r.err().contains("Invalid value for option '--repeat': must be at least 1, got " + bad),
                    r.err());
        }
        Run r = Run.of("eval", config.toString(), "--untrained", "--repeat", "twice");
        assertEquals(2, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains("'--repeat'") && r.err().contains("'twice'"), r.err());
    }

    @Test
    void untrainedAndWeightsTogetherAreAUsageError() {
        Run r = Run.of("eval", config.toString(), "--untrained", "--weights", dir.resolve("w.npz").toString());
        assertEquals(2, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains("--untrained or --weights, not both"), r.err());
    }

    @Test
    void untrainedNeedsAConfigurationNotACheckpoint() throws Exception {
        Path checkpoint = dir.resolve("initial.npz");
        Checkpoint.save(checkpoint, Network.of(NetworkConfig.load(config)));
        Run r = Run.of("eval", checkpoint.toString(), "--untrained");
        assertEquals(1, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains("--untrained goes with a YAML configuration, but " + checkpoint), r.err());
    }

    @Test
    void aConfigurationWithoutWeightsStillNeedsThemUnlessUntrained() {
        Run r = Run.of("eval", config.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("its weights are missing"), r.err());
    }

    @Test
    void helpDescribesBothOptions() {
        Run r = Run.of("eval", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("--untrained") && r.out().contains("--repeat=N"), r.out());
    }
}
