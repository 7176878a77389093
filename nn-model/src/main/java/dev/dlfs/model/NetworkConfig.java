package dev.dlfs.model;

import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A network and, optionally, how to train it and on what data, as declared in YAML:
 * <pre>{@code
 * input: [784]
 * layers:
 *   - {type: affine, units: 50, init: {std: 0.01}}
 *   - {type: relu}
 *   - {type: affine, units: 10, init: {std: 0.01}}
 * loss: softmax-with-loss
 * optimizer: {type: sgd, lr: 0.1}
 * training: {iterations: 10000, batch-size: 100, seed: 42, eval: per-epoch}
 * data: {source: mnist, normalize: true, flatten: true, one-hot: true}
 * }</pre>
 * Reading is strict: an unknown key, a missing or mistyped value, or an unknown type name is a
 * {@link ConfigException} naming the file, line, column and path.
 *
 * @param name      a label for summaries and checkpoints
 * @param dtype     the element type of parameters and activations (float32 unless stated)
 * @param seed      seeds the initial weights
 * @param input     the per-sample input shape, e.g. {@code [784]} or {@code [1, 28, 28]}
 * @param layers    the layers in order
 * @param loss      the loss after the last layer
 * @param optimizer the optimizer, or null when none is declared
 * @param training  the training run, or null when none is declared
 * @param data      the data, or null when none is declared
 * @param origin    where the configuration came from, for locating later errors
 */
public record NetworkConfig(String name, DType dtype, long seed, List<Integer> input, List<LayerSpec> layers,
                            LossConfig loss, OptimizerConfig optimizer, TrainingConfig training, DataConfig data,
                            ConfigOrigin origin) {
    public NetworkConfig {
        input = List.copyOf(input);
        layers = List.copyOf(layers);
        name = name == null ? "network" : name;
        dtype = dtype == null ? DType.FLOAT32 : dtype;
        origin = origin == null ? ConfigOrigin.none() : origin;
        if (loss == null) {
            throw new IllegalArgumentException("a network needs a loss");
        }
    }

    /**
     * Reads and checks a YAML file; problems with its content (including a file too large, or not text) are
     * {@link ConfigException}s.
     */
    public static NetworkConfig load(Path file) throws IOException {
        return parse(ConfigText.read(file), file.toString());
    }

    /** Reads and checks YAML text; {@code file} names it in error messages (may be null). */
    public static NetworkConfig parse(String yaml, String file) {
        return ConfigReader.read(yaml, file);
    }

    /** The per-sample input shape. */
    public int[] inputShape() {
        return input.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A new optimizer as the {@code optimizer} section says; option problems are located in the file. */
    public Optimizer createOptimizer() {
        if (optimizer == null) {
            throw origin.error("optimizer", "this configuration declares no optimizer");
        }
        try {
            return OptimizerRegistry.create(optimizer.type(), optimizer.options());
        } catch (OptionException e) {
            throw origin.fromOption("optimizer", e);
        }
    }

    /**
     * Loads the {@code data} section's data set; its samples take the network's dtype unless the section sets
     * {@code dtype}. Option problems are located in the file; a missing data set is an {@link IOException} that
     * says where it was looked for.
     */
    public DataSplit loadData() throws IOException {
        try {
            return DataSourceRegistry.create(data.source(), dataOptions());
        } catch (OptionException e) {
            throw origin.fromOption("data", e);
        }
    }

    /** Loads only the test set of the {@code data} section, as {@link #loadData} would (for evaluations). */
    public Dataset loadTestData() throws IOException {
        try {
            return DataSourceRegistry.createTest(data.source(), dataOptions());
        } catch (OptionException e) {
            throw origin.fromOption("data", e);
        }
    }

    /** The data section's options, with the network's dtype unless the section sets one. */
    private Options dataOptions() {
        if (data == null) {
            throw origin.error("data", "this configuration declares no data");
        }
        return data.options().keys().contains("dtype") ? data.options()
                : data.options().with("dtype", dtype.label());
    }

    /** This configuration as YAML that {@link #parse} reads back to an equal configuration. */
    public String toYaml() {
        return ConfigWriter.write(this);
    }

    public NetworkConfig withName(String n) {
        return new NetworkConfig(n, dtype, seed, input, layers, loss, optimizer, training, data, origin);
    }

    public NetworkConfig withDtype(DType d) {
        return new NetworkConfig(name, d, seed, input, layers, loss, optimizer, training, data, origin);
    }

    public NetworkConfig withSeed(long s) {
        return new NetworkConfig(name, dtype, s, input, layers, loss, optimizer, training, data, origin);
    }

    public NetworkConfig withOptimizer(OptimizerConfig o) {
        return new NetworkConfig(name, dtype, seed, input, layers, loss, o, training, data, origin);
    }

    public NetworkConfig withTraining(TrainingConfig t) {
        return new NetworkConfig(name, dtype, seed, input, layers, loss, optimizer, t, data, origin);
    }

    public NetworkConfig withData(DataConfig d) {
        return new NetworkConfig(name, dtype, seed, input, layers, loss, optimizer, training, d, origin);
    }
}
