package dev.dlfs.spark;

import dev.dlfs.model.Network;
import dev.dlfs.tensor.Shapes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Batch inference with a trained dlfs network as a Spark ML {@link Transformer}: appends each row's predicted class
 * (a double, as Spark ML's classifiers) and its class probabilities (the softmax of the network's scores, an ML
 * vector) to a DataFrame of samples.
 *
 * <pre>{@code
 * Dataset<Row> scored = new CheckpointTransformer()
 *         .setCheckpoint("runs/two-layer-net/checkpoint.npz")
 *         .setInputCol("features")
 *         .transform(images);
 * }</pre>
 *
 * The driver reads the checkpoint and broadcasts its bytes; each executor JVM builds the network once per task slot
 * that runs at the same time and keeps it for every later task and call (keyed by path and content hash). Rows go
 * through the network {@link #batchSize()} at a time, so the products run on the SIMD kernels.
 */
public final class CheckpointTransformer extends Transformer {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> checkpoint;
    private final Param<String> inputCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final IntParam batchSize;

    public CheckpointTransformer() {
        this(Identifiable.randomUID("dlfsCheckpoint"));
    }

    public CheckpointTransformer(String uid) {
        this.uid = uid;
        checkpoint = new Param<>(this, "checkpoint", "path of a dlfs checkpoint (.npz) on the driver");
        inputCol = new Param<>(this, "inputCol", "column of samples: array<float>, array<double> or an ML vector");
        predictionCol = new Param<>(this, "predictionCol", "column to add with the predicted class");
        probabilityCol = new Param<>(this, "probabilityCol", "column to add with the class probabilities");
        batchSize = new IntParam(this, "batchSize", "rows per forward pass", ParamValidators.gtEq(1));
        setDefault(inputCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(batchSize, 256);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> checkpoint() {
        return checkpoint;
    }

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public CheckpointTransformer setCheckpoint(String path) {
        set(checkpoint, path);
        return this;
    }

    public CheckpointTransformer setInputCol(String c) {
        set(inputCol, c);
        return this;
    }

    public CheckpointTransformer setPredictionCol(String c) {
        set(predictionCol, c);
        return this;
    }

    public CheckpointTransformer setProbabilityCol(String c) {
        set(probabilityCol, c);
        return this;
    }

    public CheckpointTransformer setBatchSize(int n) {
        set(batchSize, n);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(checkpoint)) {
            throw new IllegalArgumentException(uid + ": no checkpoint set; call setCheckpoint(path)");
        }
        FeatureColumn.field(schema, $(inputCol), "samples");
        for (String added : List.of($(predictionCol), $(probabilityCol))) {
            if (List.of(schema.fieldNames()).contains(added)) {
                throw new IllegalArgumentException(uid + ": the DataFrame already has a column '" + added + "'; choose"
                        + " another name with setPredictionCol or setProbabilityCol");
            }
        }
        return schema.add($(predictionCol), DataTypes.DoubleType, false)
                .add($(probabilityCol), SQLDataTypes.VectorType(), false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        CheckpointBytes file = CheckpointBytes.read($(checkpoint));
        Network net = file.load();
        FeatureColumn features = FeatureColumn.of(dataset.schema(), $(inputCol), Shapes.size(net.inputShape()));
        int field = dataset.schema().fieldIndex($(inputCol));
        int rows = (Integer) $(batchSize);
        Broadcast<CheckpointBytes> shipped = dataset.sparkSession().sparkContext()
                .broadcast(file, scala.reflect.ClassTag$.MODULE$.apply(CheckpointBytes.class));
        MapPartitionsFunction<Row, Row> score = in -> new Scored(in, shipped.value(), features, field, rows);
        return dataset.toDF().mapPartitions(score, Encoders.row(out));
    }

    @Override
    public CheckpointTransformer copy(ParamMap extra) {
        return (CheckpointTransformer) defaultCopy(extra);
    }

    /** A partition's rows with their scores appended, computed a batch at a time as the rows are consumed. */
    private static final class Scored implements Iterator<Row> {
        private final Iterator<Row> in;
        private final CheckpointBytes file;
        private final FeatureColumn features;
        private final int field;
        private final int batch;
        private final List<Row> ready = new ArrayList<>();
        private int next;
        private long seen;

        Scored(Iterator<Row> in, CheckpointBytes file, FeatureColumn features, int field, int batch) {
            this.in = in;
            this.file = file;
            this.features = features;
            this.field = field;
            this.batch = batch;
        }

        @Override
        public boolean hasNext() {
            if (next == ready.size()) {
                fill();
            }
            return next < ready.size();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.get(next++);
        }

        private void fill() {
            ready.clear();
            next = 0;
            List<Row> rows = new ArrayList<>(batch);
            while (rows.size() < batch && in.hasNext()) {
                rows.add(in.next());
            }
            if (rows.isEmpty()) {
                return;
            }
            ready.addAll(ExecutorNetworks.with(file.key(), file::load,
                    net -> BatchScoring.score(net, rows, features, field, file.path(), seen)));
            seen += rows.size();
        }
    }
}
