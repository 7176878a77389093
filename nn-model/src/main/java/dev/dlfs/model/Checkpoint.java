package dev.dlfs.model;

import com.google.common.collect.ImmutableMap;
import dev.dlfs.data.MalformedDataException;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.Npz;
import dev.dlfs.tensor.io.NpyArray;
import dev.dlfs.tensor.io.NpyType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved network: one NumPy {@code .npz} file (readable with {@code numpy.load}) holding the configuration as YAML,
 * every parameter and buffer by name, and optionally the optimizer's state and the iteration, to resume training.
 *
 * <p>Members: {@code dlfs/config} (the YAML as {@code uint8} UTF-8 bytes: {@code bytes(z["dlfs/config"]).decode()}),
 * {@code dlfs/version}, {@code dlfs/iteration} ({@code int64}), {@code affine1.W} …, {@code batchnorm1.running_mean}
 * …, {@code optimizer/affine1.W.m} ….
 *
 * <pre>{@code
 * Checkpoint.save(Path.of("net.npz"), network, trainer.optimizer(), result.iterations());
 * Network again = Checkpoint.load(Path.of("net.npz")).network();
 * }</pre>
 *
 * @param network        the network, with the saved parameters and buffers
 * @param optimizerState the optimizer's state by name (empty if none was saved)
 * @param iteration      the iteration the network was saved after (0 if not given)
 */
public record Checkpoint(Network network, Map<String, Tensor> optimizerState, int iteration) {
    static final String CONFIG = "dlfs/config";
    static final String VERSION = "dlfs/version";
    static final String ITERATION = "dlfs/iteration";
    static final String OPTIMIZER = "optimizer/";

    public Checkpoint {
        optimizerState = ImmutableMap.copyOf(optimizerState);
    }

    /** Saves the network's configuration, parameters and buffers, atomically. */
    public static void save(Path file, Network network) throws IOException {
        save(file, network, null, 0);
    }

    /** Saves the network and, to resume training, the optimizer's state and the iteration, atomically. */
    public static void save(Path file, Network network, Optimizer optimizer, int iteration) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put(CONFIG, text(network.config().toYaml()));
        arrays.put(VERSION, text(Version.CURRENT));
        ByteBuffer it = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(iteration);
        arrays.put(ITERATION, NpyArray.of(NpyType.INT64, ByteOrder.LITTLE_ENDIAN, new int[0], it.array()));
        network.params().forEach((k, v) -> arrays.put(k, NpyArray.of(v)));
        network.buffers().forEach((k, v) -> arrays.put(k, NpyArray.of(v)));
        if (optimizer != null) {
            optimizer.state().forEach((k, v) -> arrays.put(OPTIMIZER + k, NpyArray.of(v)));
        }
        Npz.writeArrays(file, arrays, false);
    }

    /**
     * Loads a checkpoint: builds the network its configuration declares and fills in every parameter and buffer.
     * A missing, extra or mis-shaped array, a NaN or infinite value (naming the array and its first such element),
     * or a truncated or corrupt file, is an error naming the file and array.
     */
    public static Checkpoint load(Path file) throws IOException {
        Map<String, NpyArray> arrays = Npz.readArrays(file);
        NpyArray config = arrays.remove(CONFIG);
        if (config == null || config.type() != NpyType.UINT8) {
            throw new NotACheckpointException(file.toString(), file + ": not a dlfs checkpoint (no '" + CONFIG
                    + "' member); for weights saved the book's way (W1, b1, …) use BookWeights.load with a"
                    + " configuration");
        }
        arrays.remove(VERSION);
        NpyArray it = arrays.remove(ITERATION);
        byte[] bytes = new byte[config.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) config.getLong(i);
        }
        String yaml = new String(bytes, StandardCharsets.UTF_8);
        Network network = networkOf(yaml, file + " (" + CONFIG + ")");
        Map<String, Tensor> optimizer = new LinkedHashMap<>();
        Map<String, NpyArray> weights = new LinkedHashMap<>();
        for (var e : arrays.entrySet()) {
            if (e.getKey().startsWith(OPTIMIZER)) {
                Tensor state = e.getValue().toTensor();
                NonFiniteValue bad = NonFiniteValue.first(e.getValue(), state);
                if (bad != null) {
                    throw new MalformedDataException(file.toString(), "optimizer state '" + e.getKey() + "' holds a"
                            + " value that is not a finite number: " + bad.describe(state) + "; training cannot"
                            + " resume from it");
                }
                optimizer.put(e.getKey().substring(OPTIMIZER.length()), state);
            } else {
                weights.put(e.getKey(), e.getValue());
            }
        }
        WeightLoader.fill(network, weights, file.toString(), false, Map.of());
        return new Checkpoint(network, optimizer, it == null ? 0 : (int) it.getLong(0));
    }

    /** Fills an existing network from a checkpoint's arrays, checking names and shapes against its configuration. */
    public static void loadInto(Network network, Path file) throws IOException {
        Map<String, NpyArray> weights = new LinkedHashMap<>();
        Npz.readArrays(file).forEach((k, v) -> {
            if (!k.startsWith("dlfs/") && !k.startsWith(OPTIMIZER)) {
                weights.put(k, v);
            }
        });
        WeightLoader.fill(network, weights, file.toString(), false, Map.of());
    }

    /**
     * The network a saved configuration declares. One built with layer or loss objects lists them by type name only,
     * so unless a provider of that name is installed, the way back is the code that built it and {@link #loadInto}.
     */
    private static Network networkOf(String yaml, String source) {
        try {
            return Network.of(NetworkConfig.parse(yaml, source));
        } catch (ConfigException e) {
            boolean unknownType = e.path().matches("layers\\[\\d+]\\.type|loss(\\.type)?")
                    && e.problem().startsWith("unknown");
            if (!unknownType) {
                throw e;
            }
            throw new ConfigException(e.file(), e.line(), e.column(), e.path(), e.problem() + ". If the network was"
                    + " built in code with layer or loss objects, build it the same way and fill it with"
                    + " Checkpoint.loadInto(network, file)", e);
        }
    }

    private static NpyArray text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return NpyArray.of(NpyType.UINT8, ByteOrder.LITTLE_ENDIAN, new int[] {bytes.length}, bytes);
    }
}
