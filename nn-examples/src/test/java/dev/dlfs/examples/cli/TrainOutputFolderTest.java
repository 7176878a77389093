package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.model.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code dlfs train} does with its output folder: one run at a time, outputs as one set, nothing lost to a
 * second run or a kill, Ctrl-C/SIGTERM saving the step reached, divergence reported as such.
 */
class TrainOutputFolderTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws Exception {
        Path c = dir.resolve("spirals.yaml");
        Files.writeString(c, yaml);
        return c;
    }

    private static final String LONG = TrainEvalPredictTest.SPIRALS.replace("epochs: 30", "epochs: 100000");

    @Test
    void aSecondRunIntoAFolderWithResultsIsRefusedUnlessItOverwrites() throws Exception {
        Path c = config(TrainEvalPredictTest.SPIRALS);
        Path out = dir.resolve("run");
        Run first = Run.of("train", c.toString(), "--epochs", "2", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.toString());
        byte[] checkpoint = Files.readAllBytes(out.resolve("checkpoint.npz"));

        Run second = Run.of("train", c.toString(), "--epochs", "3", "--seed", "9", "--out", out.toString());
        assertEquals(1, second.exitCode(), second.toString());
        assertTrue(second.err().startsWith("dlfs train: output folder " + out + " already holds the outputs of an"
                + " earlier run (checkpoint.npz, metrics.csv"), second.err());
        assertTrue(second.err().contains("Add --overwrite to replace them"), second.err());
        assertTrue(java.util.Arrays.equals(checkpoint, Files.readAllBytes(out.resolve("checkpoint.npz"))),
                "the earlier result is untouched");

        Run third = Run.of("train", c.toString(), "--epochs", "3", "--seed", "9", "--out", out.toString(),
                "--overwrite");
        assertEquals(0, third.exitCode(), third.toString());
        assertEquals(3, Checkpoint.load(out.resolve("checkpoint.npz")).network().config().training().epochs());
        assertEquals(1 + 30 + 1, Files.readAllLines(out.resolve("metrics.csv")).size(), "the new run's metrics");
    }

    @Test
    void theDefaultFolderNeverReplacesAnEarlierRun() throws Exception {
        Path base = dir.resolve("runs").resolve("spirals");
        Files.createDirectories(base);
        Files.writeString(base.resolve("metrics.csv"), "an earlier run's\n");
        try (RunFolder f = RunFolder.claimNumbered(base, "test", System.out)) {
            assertEquals(dir.resolve("runs").resolve("spirals-2"), f.dir());
            try (RunFolder g = RunFolder.claimNumbered(base, "test", System.out)) {
                assertEquals(dir.resolve("runs").resolve("spirals-3"), g.dir(), "spirals-2 is held by a run");
            }
        }
        assertEquals("an earlier run's\n", Files.readString(base.resolve("metrics.csv")));
    }

    @Test
    void allOutputsLandWithOneFileModeAndNoTemporaryFiles() throws Exception {
        Path c = config(TrainEvalPredictTest.SPIRALS);
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Path stale = Files.writeString(out.resolve(".checkpoint.npz.5f3a9c.tmp"), "left by a killed save");
        Run run = Run.of("train", c.toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(Files.exists(stale), "a killed save's temporary file is cleaned up");
        assertFalse(Files.exists(out.resolve(RunFolder.STAGING)));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        for (String name : RunFolder.OUTPUTS) {
            assertEquals(mode, Files.getPosixFilePermissions(out.resolve(name)),
                    name + " has the mode of any new file");
        }
        try (var files = Files.list(out)) {
            assertEquals(Set.of("checkpoint.npz", "metrics.csv", "metrics.json", "loss.png", "accuracy.png",
                    "config.yaml", RunFolder.LOCK), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void anInterruptedLandingIsFinishedAndAnUnfinishedStagingDropped() throws Exception {
        Path out = dir.resolve("run");
        Path staging = Files.createDirectories(out.resolve(RunFolder.STAGING));
        // Killed after the old set was removed and two new files moved: the rest waits in staging.
        Files.writeString(out.resolve("checkpoint.npz"), "new");
        Files.writeString(out.resolve("metrics.csv"), "new");
        for (String name : List.of("metrics.json", "loss.png", "accuracy.png", "config.yaml")) {
            Files.writeString(staging.resolve(name), "new");
        }
        Files.writeString(staging.resolve(RunFolder.MOVING), "");
        java.io.ByteArrayOutputStream notes = new java.io.ByteArrayOutputStream();
        try (RunFolder f = RunFolder.claim(out, true, "test", new java.io.PrintStream(notes, true))) {
            for (String name : RunFolder.OUTPUTS) {
                assertEquals("new", Files.readString(out.resolve(name)), name);
            }
            assertFalse(Files.exists(staging));
        }
        assertTrue(notes.toString().contains("completed the outputs of an interrupted run in " + out), notes.toString());

        // Killed while still writing: no marker, so the staged files are not a set and the folder's set stays.
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("checkpoint.npz"), "half");
        try (RunFolder f = RunFolder.claim(out, true, "test", System.out)) {
            assertEquals("new", Files.readString(out.resolve("checkpoint.npz")));
            assertFalse(Files.exists(staging));
        }
    }

    @Test
    void sigtermSavesTheStepReachedAndAnotherRunIsKeptOutMeanwhile() throws Exception {
        Path c = config(LONG);
        Path out = dir.resolve("run");
        Path log = dir.resolve("log.txt");
        Path err = dir.resolve("err.txt");
        Process p = ForkedDlfs.start(log, err, "train", c.toString(), "--out", out.toString());
        try {
            awaitText(log, "iteration ", p);
            Run second = Run.of("train", c.toString(), "--out", out.toString(), "--overwrite");
            assertEquals(1, second.exitCode(), second.toString());
            assertTrue(second.err().contains("output folder " + out + " is in use by another training run (pid "
                    + p.pid() + ", started "), second.err());
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the stopped run exits");
        } finally {
            p.destroyForcibly();
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(143, p.exitValue(), printed + Files.readString(err));
        assertTrue(Files.readString(err).contains("stopping after the current iteration to save a checkpoint"));
        Checkpoint saved = Checkpoint.load(out.resolve("checkpoint.npz"));
        assertTrue(saved.iteration() > 0, "the checkpoint holds the step reached");
        assertTrue(printed.contains("stopped after iteration " + saved.iteration() + "; continue with: dlfs train "
                + c + " --resume " + out.resolve("checkpoint.npz")), printed);
        assertEquals(1 + saved.iteration(), Files.readAllLines(out.resolve("metrics.csv")).size(),
                "one row per iteration made, and no final evaluation row");

        Run resumed = Run.of("train", c.toString(), "--iterations", String.valueOf(saved.iteration() + 20),
                "--resume", out.resolve("checkpoint.npz").toString(), "--out", dir.resolve("resumed").toString());
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("resuming " + out.resolve("checkpoint.npz") + " after iteration "
                + saved.iteration()), resumed.out());
        assertEquals(saved.iteration() + 20, Checkpoint.load(dir.resolve("resumed").resolve("checkpoint.npz"))
                .iteration());
    }

    @Test
    void aLockLeftByAKilledRunIsTakenOver() throws Exception {
        Path c = config(LONG);
        Path out = dir.resolve("run");
        Path log = dir.resolve("log.txt");
        Process p = ForkedDlfs.start(log, dir.resolve("err.txt"), "train", c.toString(), "--out", out.toString());
        try {
            awaitText(log, "iteration ", p);
        } finally {
            p.destroyForcibly(); // SIGKILL: no hook runs, the lock file still names the run
            p.waitFor(60, TimeUnit.SECONDS);
        }
        Run next = Run.of("train", config(TrainEvalPredictTest.SPIRALS).toString(), "--epochs", "1", "--out",
                out.toString());
        assertEquals(0, next.exitCode(), next.toString());
        assertTrue(next.out().contains("note: taking over " + out + " from a run that ended without releasing it (pid "
                + p.pid() + ", "), next.out());
        assertEquals("", Files.readString(out.resolve(RunFolder.LOCK)), "a run that ended cleanly names no holder");
    }

    @Test
    void aDivergingRunExitsWithItsCauseAndLeavesNoOutputs() throws Exception {
        Path c = config(TrainEvalPredictTest.SPIRALS.replace("{type: adam, lr: 0.05}", "{type: sgd, lr: 300}"));
        Path out = dir.resolve("run");
        Run run = Run.of("train", c.toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("dlfs train: training diverged at iteration "), run.err());
        assertTrue(run.err().contains("lr 300.0"), run.err());
        assertFalse(run.err().contains("bug in dlfs") || run.hasStackTrace(), run.err());
        for (String name : RunFolder.OUTPUTS) {
            assertFalse(Files.exists(out.resolve(name)), name);
        }
    }

    @Test
    void aRunThatFailsBeforeLandingLeavesNoFolderItMade() throws Exception {
        Path c = config(TrainEvalPredictTest.SPIRALS.replace("{source: spirals, n: 100, noise: 0.1}",
                "{source: csv, train: " + dir.resolve("missing.csv") + "}"));
        Path out = dir.resolve("made").resolve("run");
        Run run = Run.of("train", c.toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("missing.csv"), run.err());
        assertFalse(Files.exists(out), "no empty output folder is left behind");
    }

    @Test
    void anOutputFolderThatCannotBeMadeFailsBeforeTraining() throws Exception {
        Path c = config(TrainEvalPredictTest.SPIRALS);
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Run run = Run.of("train", c.toString(), "--out", file.resolve("run").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("dlfs train: " + file), run.err());
        assertFalse(run.out().contains("iteration "), "refused before the first iteration: " + run.out());
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void resumingAnotherArchitectureIsRefusedBeforeTraining() throws Exception {
        Path c = config(TrainEvalPredictTest.SPIRALS);
        Run first = Run.of("train", c.toString(), "--epochs", "1", "--out", dir.resolve("a").toString());
        assertEquals(0, first.exitCode(), first.toString());
        Path wider = dir.resolve("wider.yaml");
        Files.writeString(wider, TrainEvalPredictTest.SPIRALS.replace("units: 24", "units: 32"));
        Run resumed = Run.of("train", wider.toString(), "--resume", dir.resolve("a/checkpoint.npz").toString(),
                "--out", dir.resolve("b").toString());
        assertEquals(1, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.err().contains("holds another network than spirals-net declares: parameter affine1.W has"
                + " shape [2, 24], the configuration declares [2, 32]"), resumed.err());
        assertFalse(Files.exists(dir.resolve("b")), "refused before any folder was made");
    }

    /** Waits until the forked run has printed {@code text} (it is training), failing if it exits first. */
    private static void awaitText(Path log, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            assertTrue(p.isAlive(), "the run ended early: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no progress within 120 s: " + Files.readString(log));
            Thread.sleep(50);
        }
    }
}
