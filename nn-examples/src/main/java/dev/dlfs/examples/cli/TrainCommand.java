package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSplit;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Metrics;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.Trainer;
import dev.dlfs.model.TrainingConfig;
import dev.dlfs.model.TrainingListener;
import dev.dlfs.model.TrainingResult;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.io.AtomicFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlfs train CONFIG.yaml}: trains a network as its YAML says and writes what the run produced. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {
            "Train the network a YAML configuration declares, with a progress bar and the book's per-epoch"
                    + " train/test accuracy.",
            "Writes into the output folder, as one set once the run ends: checkpoint.npz, metrics.csv,"
                    + " metrics.json, loss.png, accuracy.png and config.yaml (the configuration as run).",
            "Ctrl-C or SIGTERM stops after the current iteration and writes the same set, to continue with --resume.",
        })
final class TrainCommand extends Subcommand {
    @Parameters(paramLabel = "CONFIG.yaml", description = "The network, optimizer, training run and data.")
    Path configFile;

    /** At most one of the two lengths. */
    static final class Length {
        @Option(names = "--epochs", paramLabel = "N", converter = OptionRanges.AtLeastOne.class,
                description = "Train for N epochs instead.")
        Integer epochs;

        @Option(names = "--iterations", paramLabel = "N", converter = OptionRanges.AtLeastOne.class,
                description = "Train for N updates instead.")
        Integer iterations;
    }

    @ArgGroup(exclusive = true)
    Length length;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the initial weights and the batches.")
    Long seed;

    @Option(names = "--batch-size", paramLabel = "N", converter = OptionRanges.AtLeastOne.class,
            description = "Samples per update instead of the configured.")
    Integer batchSize;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<config name>, or"
            + " runs/<config name>-2, -3 … if that holds an earlier run).")
    Path outDir;

    @Option(names = "--overwrite", description = "Replace the outputs of an earlier run in the --out folder.")
    boolean overwrite;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue the run a checkpoint.npz was"
            + " saved in (by the end of a run or by Ctrl-C), with its weights, optimizer state and iteration.")
    Path resumeFile;

    @Override
    int run() throws Exception {
        PrintStream out = out();
        NetworkConfig loaded = NetworkConfig.load(configFile);
        if (loaded.training() == null) {
            // The layers' and optimizer's own mistakes come first: a missing section may be the lesser problem.
            Network.of(loaded);
            if (loaded.optimizer() != null) {
                loaded.createOptimizer();
            }
        }
        NetworkConfig config = withOverrides(loaded);
        Gemm.warmUp(config.dtype()); // the product kernels compile while the data is read
        Checkpoint resumed = resumeFile == null ? null : Checkpoint.load(resumeFile);
        Network network = resumed == null ? Network.of(config) : ResumeCheck.network(resumed, config, resumeFile);
        // The optimizer is made (and so checked) before any folder is taken.
        Trainer trainer = Trainer.of(network, config).listener(TrainingListener.progress(out, interactive()));
        String holder = "dlfs train " + configFile;
        // Taken before training, so an unwritable or busy folder fails now rather than after an hour of training.
        try (RunFolder folder = outDir != null ? RunFolder.claim(outDir, overwrite, holder, out)
                : RunFolder.claimNumbered(Path.of("runs", stem(configFile)), holder, out)) {
            DataSplit data = DataFetch.load(config, out);
            out.printf("dlfs train: %s, %,d parameters, %s; output in %s%n", config.name(), network.parameterCount(),
                    config.dtype().label(), folder.dir());
            if (resumed != null) {
                int total = config.training().totalIterations(data.train().size());
                if (resumed.iteration() >= total) {
                    throw new UserError("--resume " + resumeFile + " was saved after iteration " + resumed.iteration()
                            + ", at or past the end of this run of " + total + " iterations",
                            "Give a longer run with --iterations or --epochs.");
                }
                trainer.resume(resumed);
                out.printf("resuming %s after iteration %d%n", resumeFile, resumed.iteration());
            }
            try (StopOnSignal ignored = new StopOnSignal(trainer, err())) {
                TrainingResult result = trainer.run(data);
                List<Path> written = write(folder, config, data, network, trainer, result);
                out.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
                if (result.stop() == TrainingResult.Stop.STOPPED) {
                    out.printf("stopped after iteration %d; continue with: dlfs train %s --resume %s%n",
                            result.iterations(), configFile, folder.dir().resolve("checkpoint.npz"));
                }
            }
        }
        return 0;
    }

    /** Writes every output into the staging folder, then lands them as one set. */
    private static List<Path> write(RunFolder folder, NetworkConfig config, DataSplit data, Network network,
                                    Trainer trainer, TrainingResult result) throws java.io.IOException {
        Path dir = folder.staging();
        int perEpoch = config.training().iterationsPerEpoch(data.train().size());
        // The loss plot is the slowest output (Java2D starting cold, then thousands of points): drawn beside the
        // others, on the core that training no longer needs. The chapter 5 run ends about 0.2 s sooner (Zen 5).
        FutureTask<Void> lossPlot = new FutureTask<>(() -> {
            LearningCurves.writeLoss(result.history(), perEpoch, config.name(), dir.resolve("loss.png"));
            return null;
        });
        Thread plotter = new Thread(lossPlot, "dlfs-loss-plot");
        plotter.start();
        try {
            Checkpoint.save(dir.resolve("checkpoint.npz"), network, trainer.optimizer(), result.iterations());
            Metrics.writeCsv(result.history(), dir.resolve("metrics.csv"));
            Metrics.writeJson(result, dir.resolve("metrics.json"));
            LearningCurves.writeAccuracy(result.history(), config.name(), dir.resolve("accuracy.png"));
            AtomicFile.writeString(dir.resolve("config.yaml"), config.toYaml());
        } finally {
            awaitPlot(lossPlot);
        }
        return folder.land();
    }

    /** Waits for the loss plot; its failure is the command's, as if it had been drawn in line. */
    private static void awaitPlot(FutureTask<Void> plot) throws java.io.IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    plot.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the outputs are being written: finish them, then keep the interrupt
                }
            }
        } catch (ExecutionException e) {
            // writeLoss throws an IOException or an unchecked throwable, nothing else
            switch (e.getCause()) {
                case java.io.IOException io -> throw io;
                case RuntimeException re -> throw re;
                default -> throw (Error) e.getCause();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The configuration with the command line's --epochs/--iterations, --batch-size and --seed applied. */
    private NetworkConfig withOverrides(NetworkConfig config) {
        TrainingConfig t = config.training();
        if (t == null) {
            throw config.origin().error("", "training needs a 'training' section, e.g. 'training: {iterations: 10000,"
                    + " batch-size: 100}'");
        }
        if (length != null && length.epochs != null) {
            t = t.withEpochs(length.epochs);
        }
        if (length != null && length.iterations != null) {
            t = t.withIterations(length.iterations);
        }
        if (batchSize != null) {
            t = t.withBatchSize(batchSize);
        }
        if (seed != null) {
            t = t.withSeed(seed);
            config = config.withSeed(seed);
        }
        return config.withTraining(t);
    }

    /** A progress bar redrawn in place only on a real terminal; plain lines in logs, pipes and tests. */
    private boolean interactive() {
        java.io.Console console = System.console();
        return out() == System.out && console != null && console.isTerminal();
    }

    /** {@code examples/two-layer-net.yaml} → {@code two-layer-net}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
