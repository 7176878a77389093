package dev.dlfs.model.runner;

import dev.dlfs.data.DataSplit;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.EvalSchedule;
import dev.dlfs.model.Evaluation;
import dev.dlfs.model.Metrics;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.Trainer;
import dev.dlfs.model.TrainingConfig;
import dev.dlfs.model.TrainingListener;
import dev.dlfs.model.TrainingResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains the network a YAML file declares, for benchmarks and manual runs (the {@code dlfs} command is the user's
 * way): {@code TrainMain CONFIG.yaml [--iterations N | --epochs N] [--seed N] [--threads N] [--quiet]
 * [--metrics FILE] [--save FILE]}. Data is found as the configuration's data source finds it ({@code DLFS_DATA}).
 * Prints one summary line with the load, training and evaluation times.
 */
public final class TrainMain {
    private TrainMain() {
    }

    public static void main(String[] args) throws Exception {
        Arguments a = new Arguments(args);
        long t0 = System.nanoTime();
        NetworkConfig config = NetworkConfig.load(Path.of(a.positional()));
        TrainingConfig t = config.training();
        if (a.has("--iterations")) {
            t = t.withIterations(a.integer("--iterations"));
        } else if (a.has("--epochs")) {
            t = t.withEpochs(a.integer("--epochs"));
        }
        if (a.has("--seed")) {
            t = t.withSeed(a.integer("--seed"));
            config = config.withSeed(a.integer("--seed"));
        }
        if (a.has("--threads")) {
            t = t.withThreads(a.integer("--threads"));
        }
        if (a.has("--eval")) {
            String e = a.value("--eval");
            t = t.withEval(e.chars().allMatch(Character::isDigit) ? EvalSchedule.every(Integer.parseInt(e))
                    : EvalSchedule.parse(e));
        }
        config = a.withDataDir(config.withTraining(t));
        DataSplit data = config.loadData();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        Network net = Network.of(config);
        Trainer trainer = Trainer.of(net);
        EvalClock clock = new EvalClock();
        trainer.listener(clock);
        if (!a.flag("--quiet")) {
            trainer.listener(TrainingListener.progress());
        }
        if (a.has("--metrics")) {
            trainer.listener(Metrics.listener(Path.of(a.value("--metrics"))));
        }
        TrainingResult r = trainer.run(data);
        if (a.has("--save")) {
            Checkpoint.save(Path.of(a.value("--save")), net, trainer.optimizer(), r.iterations());
        }
        double run = r.elapsed().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d iterations, train %.4f, test %.4f; load %.2f s, run %.2f s"
                + " (training %.2f s, %d evaluations %.2f s)%n", config.name(), r.iterations(), r.trainAccuracy(),
                r.testAccuracy(), loadSeconds, run, run - clock.seconds, clock.count, clock.seconds);
    }

    /** Times the evaluations: from the end of an update to the evaluation's report. */
    private static final class EvalClock implements TrainingListener {
        long lastUpdate = System.nanoTime();
        double seconds;
        int count;

        @Override
        public void onIteration(int iteration, double loss) {
            lastUpdate = System.nanoTime();
        }

        @Override
        public void onEvaluation(Evaluation e) {
            seconds += (System.nanoTime() - lastUpdate) / 1e9;
            count++;
        }
    }
}
