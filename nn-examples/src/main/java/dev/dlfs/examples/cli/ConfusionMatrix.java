package dev.dlfs.examples.cli;

import dev.dlfs.data.Dataset;
import dev.dlfs.model.Network;
import dev.dlfs.tensor.Tensor;
import java.util.List;

/** Counts of (true class, predicted class) over a data set, and their table. */
final class ConfusionMatrix {
    private static final int CHUNK = 1000;

    private ConfusionMatrix() {
    }

    /** {@code m[true][predicted]} over every sample of {@code set}. */
    static long[][] of(Network net, Dataset set, int classes) {
        int[] predicted = predict(net, set.x());
        long[][] m = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            int truth = set.oneHot() ? set.t().row(i).argmaxAll() : (int) set.t().getFlat(i);
            if (truth < 0 || truth >= classes) {
                throw new IllegalArgumentException(set.name() + ": sample " + i + " has class " + truth
                        + ", but the network gives " + classes + " scores");
            }
            m[truth][predicted[i]]++;
        }
        return m;
    }

    /** The argmax of the network's scores for every row of {@code x}, in chunks to bound memory. */
    static int[] predict(Network net, Tensor x) {
        int n = x.dim(0);
        int[] out = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            Tensor scores = net.predict(x.rows(from, to));
            Tensor flat = scores.reshape(to - from, scores.size() / (to - from));
            int[] arg = flat.argmax(1);
            System.arraycopy(arg, 0, out, from, arg.length);
        }
        return out;
    }

    /** Rows are the true classes, columns the predicted ones; the last column is each class's recall. */
    static String format(long[][] m, List<String> classNames) {
        int k = m.length;
        StringBuilder sb = new StringBuilder("confusion matrix (rows: true class, columns: predicted class)\n");
        int width = 5;
        for (long[] row : m) {
            for (long v : row) {
                width = Math.max(width, Long.toString(v).length() + 1);
            }
        }
        sb.append(" ".repeat(8));
        for (int j = 0; j < k; j++) {
            sb.append(String.format("%" + width + "d", j));
        }
        sb.append("   recall\n");
        for (int i = 0; i < k; i++) {
            sb.append(String.format("%6d  ", i));
            long rowTotal = 0;
            for (int j = 0; j < k; j++) {
                sb.append(String.format("%" + width + "d", m[i][j]));
                rowTotal += m[i][j];
            }
            double recall = rowTotal == 0 ? Double.NaN : (double) m[i][i] / rowTotal;
            sb.append(String.format(java.util.Locale.ROOT, "   %.4f", recall));
            if (classNames.size() == k && !classNames.get(i).equals(Integer.toString(i))) {
                sb.append("  ").append(classNames.get(i));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
