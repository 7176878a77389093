package dev.dlfs.examples.model;

import dev.dlfs.model.Network;
import dev.dlfs.tensor.GradientCheck;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's gradient check (ch05, {@code gradient_check.py}) of a whole network: backpropagation against central
 * differences for every parameter, summarised as the book does (the mean absolute difference) and as a relative
 * error.
 */
public final class NetworkGradientCheck {
    private NetworkGradientCheck() {
    }

    /**
     * One parameter's result.
     *
     * @param name             e.g. {@code affine1.W}
     * @param bookName         e.g. {@code W1}, or empty
     * @param meanAbsDiff      the book's figure: mean of |backprop − numerical|
     * @param maxRelativeError the largest element relative error (see {@link GradientCheck})
     */
    public record Row(String name, String bookName, double meanAbsDiff, double maxRelativeError) {
        /** {@code affine1.W (W1)}. */
        public String label() {
            return bookName.isEmpty() ? name : name + " (" + bookName + ")";
        }
    }

    /** Checks {@code net} (float64) on the batch {@code (x, t)}. */
    public static List<Row> run(Network net, Tensor x, Tensor t) {
        Map<String, Tensor> analytic = new LinkedHashMap<>();
        net.gradient(x, t).forEach((name, g) -> analytic.put(name, g.copy()));   // the network reuses grad buffers
        Map<String, Tensor> numerical = net.numericalGradient(x, t);
        Map<String, String> book = new HashMap<>();
        net.bookNames().forEach((bookName, name) -> book.put(name, bookName));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : analytic.entrySet()) {
            Tensor a = e.getValue();
            Tensor n = numerical.get(e.getKey());
            double meanAbs = a.sub(n).abs().meanAll();
            double rel = GradientCheck.compare(e.getKey(), a, n, GradientCheck.DEFAULT_FLOOR).maxRelativeError();
            rows.add(new Row(e.getKey(), book.getOrDefault(e.getKey(), ""), meanAbs, rel));
        }
        return rows;
    }

    /** The table the command line and the example print. */
    public static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format("  %-22s %18s  %s%n", "parameter", "mean |difference|",
                "max relative error"));
        for (Row r : rows) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-22s %18.3e  %.3e%n", r.label(), r.meanAbsDiff(),
                    r.maxRelativeError()));
        }
        return sb.toString();
    }
}
