package dev.dlfs.model;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.Npz;
import dev.dlfs.tensor.io.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights saved the book's way: arrays named {@code W1, b1, W2, b2, …} in the order of the layers that have them
 * (plus {@code gamma1, beta1, …} for BatchNorm), as in the book's {@code params} dictionaries, in an {@code .npz}.
 *
 * <pre>{@code
 * Network net = Network.of(NetworkConfig.load(Path.of("examples/ch03-sigmoid-net.yaml")));
 * BookWeights.load(net, Path.of("sample_weight.npz"));
 * }</pre>
 * The configuration must follow the book's conventions: affine weights {@code (in, out)}, convolution weights
 * {@code (filters, channels, height, width)}, and the book's Dropout scaling ({@code scale: book}) where a network
 * was trained with it.
 */
public final class BookWeights {
    private BookWeights() {
    }

    /**
     * Fills the network's parameters from {@code file}, mapped by {@link Network#bookNames()}. Every parameter must
     * be present with its shape and nothing else may be; BatchNorm running statistics ({@code running_mean1} …) are
     * optional, as the book did not save them. A NaN or infinite value, or one beyond the network's dtype, is refused
     * naming the array and its first such element, and leaves the network unchanged.
     */
    public static void load(Network network, Path file) throws IOException {
        Map<String, NpyArray> byNetworkName = new LinkedHashMap<>();
        Map<String, String> names = network.bookNames();
        Npz.readArrays(file).forEach((k, v) -> byNetworkName.put(names.getOrDefault(k, k), v));
        Map<String, String> shownAs = new LinkedHashMap<>();
        names.forEach((book, name) -> shownAs.put(name, book));
        WeightLoader.fill(network, byNetworkName, file.toString(), true, shownAs);
    }

    /** Writes the network's parameters and buffers under the book's names, atomically. */
    public static void save(Network network, Path file) throws IOException {
        Npz.write(file, arrays(network));
    }

    /** The network's parameters and buffers under the book's names, in layer order. */
    public static Map<String, Tensor> arrays(Network network) {
        Map<String, Tensor> all = new LinkedHashMap<>(network.params());
        all.putAll(network.buffers());
        Map<String, Tensor> out = new LinkedHashMap<>();
        network.bookNames().forEach((book, name) -> out.put(book, all.get(name)));
        return out;
    }
}
