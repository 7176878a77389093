package dev.dlfs.model;

import dev.dlfs.data.MalformedDataException;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.NpyArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Copies named arrays into a network's parameters and buffers after checking that the names and shapes are exactly
 * those the network's configuration declares: nothing missing, nothing extra, nothing mis-shaped.
 */
final class WeightLoader {
    private WeightLoader() {
    }

    /**
     * @param arrays         arrays by the network's names ({@code affine1.W}) or, with {@code bufferOptional}, any
     *                       subset of the buffers may be absent (the book saved no BatchNorm running statistics)
     * @param bufferOptional whether absent buffers keep their current values
     * @param shownAs        the names to show in messages instead of the network's ({@code affine1.W -> W1})
     */
    static void fill(Network net, Map<String, NpyArray> arrays, String source, boolean bufferOptional,
                     Map<String, String> shownAs) throws IOException {
        Map<String, Tensor> expected = new LinkedHashMap<>(net.params());
        Map<String, Tensor> buffers = net.buffers();
        expected.putAll(buffers);
        List<String> problems = new ArrayList<>();
        for (var e : expected.entrySet()) {
            NpyArray a = arrays.get(e.getKey());
            String shown = shownAs.getOrDefault(e.getKey(), e.getKey());
            if (a == null) {
                if (!(bufferOptional && buffers.containsKey(e.getKey()))) {
                    problems.add("missing array '" + shown + "' " + Shapes.format(e.getValue().shape()));
                }
            } else if (!Arrays.equals(a.shape(), e.getValue().shape())) {
                problems.add("array '" + shown + "' has shape " + Shapes.format(a.shape()) + ", the network"
                        + " needs " + Shapes.format(e.getValue().shape()));
            } else if (!a.type().isFloat()) {
                problems.add("array '" + shown + "' holds " + a.descr() + ", not floating-point numbers");
            }
        }
        TreeSet<String> extra = new TreeSet<>(arrays.keySet());
        extra.removeAll(expected.keySet());
        if (!extra.isEmpty()) {
            problems.add("unexpected array(s) " + extra + " that the network does not have");
        }
        if (!problems.isEmpty()) {
            throw new WeightsMismatchException(source, source + " does not fit network '" + net.config().name() + "': "
                    + String.join("; ", problems) + ". The network has " + describe(expected, shownAs));
        }
        Map<String, Tensor> loaded = new LinkedHashMap<>();
        for (var e : expected.entrySet()) {
            NpyArray a = arrays.get(e.getKey());
            if (a == null) {
                continue;
            }
            Tensor t = a.toTensor(e.getValue().dtype());
            NonFiniteValue bad = NonFiniteValue.first(a, t);
            if (bad != null) {
                problems.add((buffers.containsKey(e.getKey()) ? "buffer '" : "parameter '")
                        + shownAs.getOrDefault(e.getKey(), e.getKey()) + "' " + Shapes.format(a.shape())
                        + " holds a value that is not a finite number: " + bad.describe(t));
            }
            loaded.put(e.getKey(), t);
        }
        if (!problems.isEmpty()) {
            // Checked before anything is copied, so a refused file leaves the network as it was.
            throw new MalformedDataException(source, String.join("; ", problems) + ". A network with such a"
                    + " weight answers every input with NaN or one constant class; the file is damaged, or was"
                    + " saved from a run that diverged");
        }
        loaded.forEach((name, t) -> expected.get(name).copyFrom(t));
    }

    private static String describe(Map<String, Tensor> expected, Map<String, String> shownAs) {
        List<String> out = new ArrayList<>();
        expected.forEach((k, v) -> out.add(shownAs.getOrDefault(k, k) + " " + Shapes.format(v.shape())));
        return String.join(", ", out);
    }
}
