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

    /**
     * The loss-explosion rule: a description of the explosion if the mean of the last {@value
     * TrainingConfig#DIVERGENCE_WINDOW} losses up to iteration {@code i} exceeds {@code factor} times the loss of
     * iteration {@code first}, else {@code null}. A loss that has reached several times its untrained value is not
     * learning, and waiting for NaN only wastes the run and hides where it went wrong.
     */
    static String explosion(double[] losses, int first, int i, double factor) {
        int w = TrainingConfig.DIVERGENCE_WINDOW;
        if (factor == 0 || i - first + 1 < w + 1) {
            return null;
        }
        double sum = 0;
        for (int k = i - w + 1; k <= i; k++) {
            sum += losses[k];
        }
        double mean = sum / w;
        double start = losses[first];
        if (!(start > 0) || mean <= factor * start) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "the mean loss of the last %d iterations, %.4g, is %.1f times the"
                + " first iteration's loss, %.4g (the rule training.divergence-factor: %s; if such a rise is expected, raise it, or set it to 0)", w, mean, mean / start,
                start, factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor));
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
        if (layer.isEmpty()) {
            // Finite but exploding: name the layer holding the largest weights, where the growth shows first.
            double largest = -1;
            for (NamedLayer l : net.layers()) {
                for (Parameter p : l.layer().parameters()) {
                    double m = Math.max(Math.abs(p.value().maxAll()), Math.abs(p.value().minAll()));
                    if (m > largest) {
                        largest = m;
                        layer = l.name();
                        where = String.format(java.util.Locale.ROOT, "; the largest weights are in layer %s (%s.%s,"
                                + " |w| up to %.3g)", l.name(), l.name(), p.name(), m);
                    }
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
