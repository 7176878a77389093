package dev.dlfs.examples.cli;

import dev.dlfs.model.BookWeights;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The network {@code eval} and {@code predict} work on: a checkpoint written by {@code dlfs train}, or a YAML
 * configuration with weights saved the book's way ({@code W1, b1, …} in an .npz).
 */
final class TrainedNetwork {
    private TrainedNetwork() {
    }

    /** Loads {@code file} (a checkpoint, or a YAML configuration with {@code weights}). */
    static Network load(Path file, Path weights) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (yaml) {
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

    /** The network's configuration, with its data source replaced when {@code source} is given. */
    static NetworkConfig dataConfig(Network net, String source) {
        NetworkConfig config = net.config();
        if (source == null) {
            return config;
        }
        DataConfig keep = config.data();
        return config.withData(keep == null ? DataConfig.of(source, java.util.Map.of())
                : new DataConfig(source, keep.options()));
    }
}
