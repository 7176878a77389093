package dev.dlfs.examples.cli;

import dev.dlfs.model.BookWeights;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments naming the network {@code eval} and {@code predict} work on (a picocli mixin): a checkpoint written
 * by {@code dlfs train}, or a YAML configuration with weights saved the book's way ({@code W1, b1, …} in an .npz),
 * and optionally another data source.
 */
final class TrainedNetworkArgs {
    @Parameters(index = "0", paramLabel = "CHECKPOINT|CONFIG.yaml",
            description = "A checkpoint written by 'dlfs train', or a configuration (with --weights).")
    Path file;

    @Option(names = "--weights", paramLabel = "FILE.npz",
            description = "Weights saved the book's way (W1, b1, W2, …) for a CONFIG.yaml.")
    Path weights;

    @Option(names = "--data", paramLabel = "SOURCE",
            description = "Use this data source instead of the configured one (e.g. fashion-mnist).")
    String dataSource;

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
        return Checkpoint.load(file).network();
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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The network's configuration, with its data source replaced when --data is given. */
    NetworkConfig dataConfig(Network net) {
        String source = dataSource;
        NetworkConfig config = net.config();
        if (source == null) {
            return config;
        }
        DataConfig keep = config.data();
        return config.withData(keep == null ? DataConfig.of(source, java.util.Map.of())
                : new DataConfig(source, keep.options()));
    }
}
