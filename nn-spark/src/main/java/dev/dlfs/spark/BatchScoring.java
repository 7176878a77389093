package dev.dlfs.spark;

import dev.dlfs.model.Network;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** One batch of rows through a network: each row extended by its predicted class and class probabilities. */
final class BatchScoring {
    private BatchScoring() {
    }

    /**
     * The rows with prediction and probabilities appended; {@code first} is the partition-local number of the first
     * row, for messages.
     */
    static List<Row> score(Network net, List<Row> rows, FeatureColumn features, int field, String checkpoint,
                           long first) {
        int n = rows.size();
        Tensor x = Tensor.zeros(net.dtype(), n, Shapes.size(net.inputShape()));
        for (int i = 0; i < n; i++) {
            features.copy(rows.get(i), field, x, i, "row " + (first + i) + " of its partition, scored with "
                    + checkpoint);
        }
        Tensor scores = net.predict(x);
        int classes = scores.size() / n;
        Tensor probabilities = scores.reshape(n, classes).softmax();
        int[] predicted = scores.reshape(n, classes).argmax(1);
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            Object[] values = new Object[r.length() + 2];
            for (int k = 0; k < r.length(); k++) {
                values[k] = r.get(k);
            }
            values[r.length()] = (double) predicted[i];
            values[r.length() + 1] = Vectors.dense(probabilities.row(i).toDoubleArray());
            out.add(RowFactory.create(values));
        }
        return out;
    }
}
