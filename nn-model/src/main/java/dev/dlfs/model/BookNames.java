package dev.dlfs.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's names for a network's arrays: parameters numbered by kind in layer order, {@code W1, b1, W2, b2, …}
 * for the affine and convolution layers, {@code gamma1, beta1, …} for the BatchNorm layers (as the book's
 * {@code MultiLayerNetExtend} and {@code DeepConvNet} name them), and buffers likewise ({@code running_mean1}).
 */
final class BookNames {
    private BookNames() {
    }

    /** Book name to network name ({@code W1 -> affine1.W}), in layer order, for the given network names. */
    static Map<String, String> of(List<String> networkNames) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : networkNames) {
            String local = name.substring(name.indexOf('.') + 1);
            int k = counts.merge(local, 1, Integer::sum);
            out.put(local + k, name);
        }
        return out;
    }
}
