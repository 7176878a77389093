package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.Batch;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.RandomBatchSampler;
import dev.dlfs.optim.WeightDecay;
import dev.dlfs.tensor.Parallelism;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final String SPIRALS = """
            name: spirals-net
            input: [2]
            layers:
              - {type: affine, units: 30, init: he}
              - {type: relu}
              - {type: affine, units: 2, init: he}
            loss: softmax-with-loss
            optimizer: {type: adam, lr: 0.05}
            training: {iterations: 600, batch-size: 20, seed: 7}
            data: {source: spirals, n: 100, noise: 0.1}
            """;

    static NetworkConfig config(String yaml) {
        return NetworkConfig.parse(yaml, "spirals.yaml");
    }

    @Test
    void anIterationRunEvaluatesPerEpochLikeTheBook() throws Exception {
        NetworkConfig c = config(SPIRALS);
        DataSplit data = c.loadData();
        List<Integer> seen = new ArrayList<>();
        int[] starts = new int[1];
        int[] finishes = new int[1];
        TrainingResult r = Trainer.of(Network.of(c)).listener(new TrainingListener() {
            @Override
            public void onStart(TrainingRun run) {
                starts[0]++;
                assertEquals(600, run.totalIterations());
                assertEquals(10, run.iterationsPerEpoch());
            }

            @Override
            public void onIteration(int iteration, double loss) {
                seen.add(iteration);
            }

            @Override
            public void onFinish(TrainingResult result) {
                finishes[0]++;
            }
        }).run(data);
        assertEquals(1, starts[0]);
        assertEquals(1, finishes[0]);
        assertEquals(600, seen.size());
        assertEquals(599, seen.getLast());
        assertEquals(TrainingResult.Stop.COMPLETED, r.stop());
        assertEquals(600, r.history().iterations());
        List<Integer> evalAt = r.history().evaluations().stream().map(Evaluation::iteration).toList();
        assertEquals(61, evalAt.size(), "after iterations 0, 10, …, 590 and a final one");
        assertEquals(0, evalAt.get(0));
        assertEquals(590, evalAt.get(59));
        assertEquals(600, evalAt.get(60));
        assertEquals(59, r.history().evaluations().get(59).epoch());
        double firstLosses = 0;
        double lastLosses = 0;
        for (int i = 0; i < 50; i++) {
            firstLosses += r.history().loss(i);
            lastLosses += r.history().loss(599 - i);
        }
        assertTrue(lastLosses < 0.5 * firstLosses, "the loss falls: " + firstLosses / 50 + " -> " + lastLosses / 50);
        assertTrue(r.testAccuracy() > 0.9, "spirals test accuracy " + r.testAccuracy());
        Network check = Trainer.of(Network.of(c)).network();
        assertTrue(check.accuracy(data.test().x(), data.test().t()) < 0.7, "an untrained network is worse");
    }

    /**
     * In a fresh JVM (so that no earlier test has started the kernel workers), products far above the size at which
     * gemm splits its work, trained with 1 and then 2 threads: the same losses and weights, bit for bit, and the
     * workers that only a split product starts did the 2-thread run's work.
     */
    @Test
    void sameSeedGivesBitwiseTheSameRunForAnyThreadCount(@TempDir Path dir) throws Exception {
        ChildJvm.run(ThreadSplitRun.class, List.of("-Ddlfs.threads=1"), List.of(dir.toString()),
                dir.resolve("child.log"), 300);
        List<String> workers = Files.readAllLines(dir.resolve("workers"));
        assertEquals("1 0", workers.get(0), "with 1 thread no product is handed to a worker");
        assertEquals("2 1", workers.get(1), "with 2 threads the products were split: one worker took parts");
        assertEquals(20, Files.readAllLines(dir.resolve("threads-1.losses")).size());
        assertEquals(Files.readString(dir.resolve("threads-1.losses")),
                Files.readString(dir.resolve("threads-2.losses")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("threads-1.npz")),
                Files.readAllBytes(dir.resolve("threads-2.npz")), "the checkpoints differ");
    }

    @Test
    void anotherSeedDrawsOtherBatches() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("iterations: 600", "iterations: 200"));
        DataSplit data = c.loadData();
        TrainingResult a = Trainer.of(Network.of(c)).run(data);
        Network other = Network.of(c.withTraining(c.training().withSeed(8)));
        TrainingResult d = new Trainer(other, c.createOptimizer(), c.training().withSeed(8)).run(data);
        assertTrue(d.history().loss(100) != a.history().loss(100), "another seed, other batches");
    }

    @Test
    void theThreadCountIsRestoredAfterTheRun() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("seed: 7}", "seed: 7, threads: 1}"));
        int before = Parallelism.threads();
        Trainer.of(Network.of(c)).run(c.loadData());
        assertEquals(before, Parallelism.threads());
    }

    @Test
    void anEpochRunShufflesAndCountsEpochs() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("iterations: 600", "epochs: 3").replace("seed: 7}",
                "seed: 7, eval: none}"));
        assertEquals(Sampling.SHUFFLE, c.training().sampler());
        TrainingResult r = Trainer.of(Network.of(c)).run(c.loadData());
        assertEquals(30, r.iterations());
        assertEquals(1, r.history().evaluations().size(), "only the final evaluation");
    }

    @Test
    void aTargetAccuracyStopsEarly() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("seed: 7}", "seed: 7, target-accuracy: 0.6}"));
        TrainingResult r = Trainer.of(Network.of(c)).run(c.loadData());
        assertEquals(TrainingResult.Stop.TARGET_REACHED, r.stop());
        assertTrue(r.iterations() < 600);
        assertTrue(r.testAccuracy() >= 0.6);
        assertEquals(r.iterations() - 1, r.history().lastEvaluation().iteration());
    }

    @Test
    void divergenceStopsWithTheIterationTheLayerAndAHint() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("{type: adam, lr: 0.05}", "{type: sgd, lr: 1.0e30}"));
        DivergenceException e = assertThrows(DivergenceException.class, () -> Trainer.of(Network.of(c))
                .run(c.loadData()));
        assertTrue(e.iteration() >= 1 && e.iteration() < 10, e.getMessage());
        assertTrue(e.layer().startsWith("affine"), e.getMessage());
        assertTrue(e.getMessage().startsWith("training diverged at iteration " + e.iteration() + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("The learning rate (lr 1.0E30) is probably too high"), e.getMessage());
        assertEquals(e.iteration(), e.history().iterations());
    }

    @Test
    void anExplodingLossStopsTheRunBeforeItReachesNaN() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("{type: adam, lr: 0.05}", "{type: sgd, lr: 300}"));
        DivergenceException e = assertThrows(DivergenceException.class, () -> Trainer.of(Network.of(c))
                .run(c.loadData()));
        History h = e.history();
        double first = h.loss(0);
        double window = 0;
        for (int i = e.iteration() - TrainingConfig.DIVERGENCE_WINDOW + 1; i <= e.iteration(); i++) {
            assertTrue(Double.isFinite(h.loss(i)), "stopped before any loss was NaN: " + e.getMessage());
            window += h.loss(i) / TrainingConfig.DIVERGENCE_WINDOW;
        }
        assertTrue(window > 4 * first, "the documented rule held when the run stopped: " + window + " vs " + first);
        assertEquals(e.iteration() + 1, h.iterations(), "the history ends with the iteration that broke the rule");
        assertTrue(e.getMessage().startsWith("training diverged at iteration " + e.iteration() + ": the mean loss of"
                + " the last 10 iterations"), e.getMessage());
        assertTrue(e.getMessage().contains("training.divergence-factor: 4"), e.getMessage());
        assertTrue(e.getMessage().contains("the largest weights are in layer affine"), e.getMessage());
        assertTrue(e.getMessage().contains("The learning rate (lr 300.0) is probably too high"), e.getMessage());
        assertEquals(e.layer(), e.getMessage().replaceAll(".*the largest weights are in layer (\\w+).*", "$1"));
    }

    @Test
    void theRuleWaitsForAFullWindowAndAFactorOfZeroTurnsItOff() throws Exception {
        NetworkConfig exploding = config(SPIRALS.replace("{type: adam, lr: 0.05}", "{type: sgd, lr: 300}")
                .replace("iterations: 600", "iterations: 40"));
        DivergenceException e = assertThrows(DivergenceException.class, () -> Trainer.of(Network.of(exploding))
                .run(exploding.loadData()));
        assertTrue(e.iteration() >= TrainingConfig.DIVERGENCE_WINDOW, "never judged on fewer than a window");
        NetworkConfig off = config(SPIRALS.replace("{type: adam, lr: 0.05}", "{type: sgd, lr: 300}")
                .replace("iterations: 600", "iterations: 40, divergence-factor: 0"));
        assertEquals(0.0, off.training().divergenceFactor());
        assertEquals(off.training(), config(off.toYaml()).training(), "written back with the configuration");
        try {
            TrainingResult r = Trainer.of(Network.of(off)).run(off.loadData());
            assertEquals(40, r.iterations());
        } catch (DivergenceException nonFinite) {
            assertTrue(nonFinite.getMessage().contains("not finite") || nonFinite.getMessage().contains("NaN"),
                    "only a non-finite value may stop a run without the rule: " + nonFinite.getMessage());
        }
    }

    @Test
    void aStopRequestEndsAfterTheCurrentIterationAndResumingGivesTheUninterruptedRun(@TempDir Path dir)
            throws Exception {
        NetworkConfig c = config(SPIRALS);
        DataSplit data = c.loadData();
        Network whole = Network.of(c);
        Trainer.of(whole).run(data);

        Network first = Network.of(c);
        Trainer interrupted = Trainer.of(first);
        interrupted.listener(new TrainingListener() {
            @Override
            public void onIteration(int iteration, double loss) {
                if (iteration == 234) {
                    interrupted.requestStop();
                }
            }
        });
        TrainingResult r = interrupted.run(data);
        assertEquals(TrainingResult.Stop.STOPPED, r.stop());
        assertEquals(235, r.iterations(), "the iteration in progress is finished, no further one started");
        assertTrue(r.history().lastEvaluation().iteration() < 234, "no final evaluation after a stop");
        Path file = dir.resolve("stopped.npz");
        Checkpoint.save(file, first, interrupted.optimizer(), r.iterations());

        Checkpoint cp = Checkpoint.load(file);
        TrainingResult rest = Trainer.of(cp.network()).resume(cp).run(data);
        assertEquals(600, rest.iterations());
        whole.params().forEach((name, w) -> assertArrayEquals(w.toDoubleArray(),
                cp.network().params().get(name).toDoubleArray(), 0.0, name + " differs from the uninterrupted run"));
    }

    @Test
    void theRecordedLossIncludesTheWeightDecayPenalty() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("{type: adam, lr: 0.05}", "{type: sgd, lr: 0.5, weight-decay: 0.1}")
                .replace("iterations: 600", "iterations: 1").replace("seed: 7}", "seed: 7, eval: none}"));
        DataSplit data = c.loadData();
        TrainingResult r = Trainer.of(Network.of(c)).run(data);
        Network net = Network.of(c);
        Batch b = new RandomBatchSampler(data.train(), 20, 7).next();
        net.gradient(b.x(), b.t());
        double loss = net.lastLoss();
        c.createOptimizer().step(net.parameters());
        assertEquals(loss + WeightDecay.penalty(net.parameters(), 0.1), r.history().loss(0), 1e-12);
    }

    @Test
    void progressPrintsPlainLinesWhenNotATerminal() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("iterations: 600", "iterations: 30"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Trainer.of(Network.of(c)).listener(TrainingListener.progress(out, false)).run(c.loadData());
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("training spirals-net: 30 iterations (10 per epoch), batch 20"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("iteration 1/30  epoch 1/3  loss "), lines.get(1));
        assertTrue(lines.get(1).contains("  train 0."), lines.get(1));
        assertTrue(lines.get(4).startsWith("iteration 30/30  epoch 3/3  loss "), lines.get(4));
        assertTrue(lines.get(5).startsWith("done after 30 iterations"), lines.get(5));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r")));

        bytes.reset();
        Trainer.of(Network.of(c)).listener(TrainingListener.progress(out, true)).run(c.loadData());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\r[") && text.contains("] iteration 30/30"), text);
    }

    @Test
    void metricsAreWrittenAsCsvAndJson(@TempDir Path dir) throws Exception {
        NetworkConfig c = config(SPIRALS.replace("iterations: 600", "iterations: 25"));
        Path csv = dir.resolve("m.csv");
        Path json = dir.resolve("m.json");
        TrainingResult r = Trainer.of(Network.of(c)).listener(Metrics.listener(csv)).listener(Metrics.listener(json))
                .run(c.loadData());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("iteration,loss,train_accuracy,test_accuracy", rows.get(0));
        assertEquals(27, rows.size(), "header, 25 iterations, the final evaluation");
        String[] first = rows.get(1).split(",", -1);
        assertEquals("0", first[0]);
        assertEquals(r.history().loss(0), Double.parseDouble(first[1]));
        assertEquals(r.history().evaluations().get(0).testAccuracy(), Double.parseDouble(first[3]));
        assertEquals("1," + r.history().loss(1) + ",,", rows.get(2));
        assertTrue(rows.get(26).startsWith("25,,"), rows.get(26));
        String j = Files.readString(json);
        assertTrue(j.contains("\"iterations\": 25,"), j);
        assertTrue(j.contains("\"stop\": \"completed\""), j);
        assertTrue(j.contains("{\"iteration\": 10, \"epoch\": 1, \"train_accuracy\": "), j);
        assertTrue(j.contains("\"loss\": [" + r.history().loss(0) + ", "), j);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void dataThatDoesNotFitIsRefusedBeforeTraining() throws Exception {
        NetworkConfig c = config(SPIRALS.replace("input: [2]", "input: [3]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(Network.of(c)).run(c.loadData()));
        assertTrue(e.getMessage().contains("have 2 values each, the network's input (3,) takes 3"), e.getMessage());
        NetworkConfig classes = config(SPIRALS.replace("units: 2, init", "units: 4, init"));
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(Network.of(classes)).run(classes.loadData()));
        assertTrue(k.getMessage().contains("has 2 classes, the network gives 4 scores"), k.getMessage());
    }

    @Test
    void optimizerOptionErrorsArePointedAt() {
        NetworkConfig c = config(SPIRALS.replace("{type: adam, lr: 0.05}", "{type: sgd, lr: 0.5, momentum: 0.9}"));
        ConfigException e = assertThrows(ConfigException.class, c::createOptimizer);
        assertEquals("optimizer.momentum", e.path());
        assertEquals(8, e.line());
        assertEquals(33, e.column());
        assertTrue(e.problem().contains("unknown option 'momentum'"), e.problem());
    }

    @Test
    void oneHotAndIndexTargetsTrainAlike() throws Exception {
        NetworkConfig idx = config(SPIRALS.replace("iterations: 600", "iterations: 20"));
        NetworkConfig hot = config(SPIRALS.replace("iterations: 600", "iterations: 20")
                .replace("noise: 0.1}", "noise: 0.1, one-hot: true}"));
        TrainingResult a = Trainer.of(Network.of(idx)).run(idx.loadData());
        TrainingResult b = Trainer.of(Network.of(hot)).run(hot.loadData());
        assertArrayEquals(a.history().losses(), b.history().losses(), 1e-6);
        assertEquals(a.testAccuracy(), b.testAccuracy());
    }
}
