package dev.dlfs.examples.cli;

import dev.dlfs.model.BookWeights;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments naming the network {@code eval} and {@code predict} work on (a picocli mixin): a checkpoint written
 * by {@code dlfs train}, or a YAML configuration with weights saved the book's way ({@code W1, b1, …} in an .npz),
 * and optionally the data to use instead of the stored data.
 */
final class TrainedNetworkArgs {
    @Parameters(index = "0", paramLabel = "CHECKPOINT|CONFIG.yaml",
            description = "A checkpoint written by 'dlfs train', or a configuration (with --weights).")
    Path file;

    @Option(names = "--weights", paramLabel = "FILE.npz",
            description = "Weights saved the book's way (W1, b1, W2, …) for a CONFIG.yaml.")
    Path weights;

    @Option(names = "--data", paramLabel = "SOURCE|CONFIG.yaml",
            description = "Use this data source instead of the stored one (e.g. fashion-mnist), or the 'data:'"
                    + " section of this configuration (e.g. the run's config.yaml), locations included.")
    String dataSource;

    /** Whether {@link #load} read a checkpoint, whose stored data section says what, never where. */
    private boolean fromCheckpoint;

    /** Loads the network: the checkpoint, or the configuration filled with the weights. */
    Network load() throws IOException {
        if (isConfiguration()) {
            if (weights == null) {
                throw new UserError(file + " is a configuration, and its weights are missing",
                        "Give them with --weights FILE.npz (arrays W1, b1, W2, … as the book saves them), or pass"
                                + " the checkpoint.npz that 'dlfs train' wrote.");
            }
            Network net = Network.of(NetworkConfig.load(file));
            BookWeights.load(net, weights);
            return net;
        }
        if (weights != null) {
            throw new UserError("--weights goes with a YAML configuration, but " + file + " is not one",
                    "Pass the configuration (CONFIG.yaml --weights FILE.npz), or the checkpoint alone.");
        }
        Network net = Checkpoint.load(file).network();
        fromCheckpoint = true;
        return net;
    }

    /** The configuration's network with its seeded initial weights, never trained ({@code eval --untrained}). */
    Network untrained() throws IOException {
        if (!isConfiguration()) {
            throw new UserError("--untrained goes with a YAML configuration, but " + file + " is not one",
                    "Pass the CONFIG.yaml whose initial weights to use, or drop --untrained to use the checkpoint.");
        }
        return Network.of(NetworkConfig.load(file));
    }

    private boolean isConfiguration() {
        return isYaml(file.getFileName().toString());
    }

    /**
     * The network's configuration with the data to use: the {@code data:} section of {@code --data CONFIG.yaml}
     * whole, or else the stored one (of a checkpoint, only what {@link CheckpointData} keeps, with a note on
     * {@code out} about what it ignores) with its source replaced by {@code --data SOURCE}.
     */
    NetworkConfig dataConfig(Network net, PrintStream out) throws IOException {
        NetworkConfig config = net.config();
        if (dataSource != null && isYaml(dataSource)) {
            NetworkConfig chosen = NetworkConfig.load(Path.of(dataSource));
            if (chosen.data() == null) {
                throw chosen.origin().error("", "--data " + dataSource + " names a configuration without a 'data'"
                        + " section; add one, e.g. 'data: {source: mnist}', or give a source name");
            }
            return config.withData(chosen.data());
        }
        DataConfig stored = config.data();
        if (fromCheckpoint) {
            CheckpointData data = CheckpointData.of(stored);
            String note = data.note(file);
            if (!note.isEmpty()) {
                out.println(note);
            }
            stored = data.kept();
        }
        if (dataSource == null) {
            return config.withData(stored);
        }
        return config.withData(stored == null ? DataConfig.of(dataSource, Map.of())
                : new DataConfig(dataSource, stored.options()));
    }

    /** Whether a file name is a YAML configuration's (the commands tell configurations from checkpoints so). */
    static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }
}
