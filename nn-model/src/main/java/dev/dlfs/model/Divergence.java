package dev.dlfs.model;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.function.Supplier;

/** Finds where a diverging run went wrong and says so: the iteration, the first bad layer, a hint. */
final class Divergence {
    private Divergence() {
    }

    /** Fails if any parameter holds NaN or infinity. */
    static void checkParameters(Network net, int iteration, Tensor x, String lrHint, Supplier<History> history) {
        for (Parameter p : net.parameters()) {
            if (!p.value().allFinite()) {
                throw at(net, iteration, "parameter " + p.name() + " is not finite", x, lrHint, history.get());
            }
        }
    }

    static DivergenceException at(Network net, int iteration, String what, Tensor x, String lrHint, History h) {
        String layer = "";
        String where = "";
        for (NamedLayer l : net.layers()) {
            for (Parameter p : l.layer().parameters()) {
                if (layer.isEmpty() && !p.value().allFinite()) {
                    layer = l.name();
                    where = "; the first non-finite values are in layer " + l.name() + " (parameter " + l.name() + "."
                            + p.name() + ")";
                }
            }
        }
        if (layer.isEmpty() && x != null) {
            Tensor h2 = x.reshape(withBatch(x.dim(0), net.inputShape()));
            for (NamedLayer l : net.layers()) {
                h2 = l.layer().forward(h2, false);
                if (!h2.allFinite()) {
                    layer = l.name();
                    where = "; the first non-finite values are the outputs of layer " + l.name();
                    break;
                }
            }
        }
        return new DivergenceException(iteration, layer, "training diverged at iteration " + iteration + ": " + what
                + where + ". " + capitalised(lrHint) + " is probably too high: try a smaller one (a tenth, say).", h);
    }

    private static int[] withBatch(int n, int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
