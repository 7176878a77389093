package dev.dlfs.spark;

import dev.dlfs.data.Dataset;
import dev.dlfs.data.Labels;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Spark in this JVM for the tests: no UI, loopback only, few shuffle partitions. */
final class LocalSpark {
    static final StructType SCHEMA = new StructType()
            .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("label", DataTypes.IntegerType, false);

    private LocalSpark() {
    }

    /** A session of {@code cores} task threads that retries a failed task up to 3 times. */
    static SparkSession start(int cores) {
        return SparkSession.builder()
                .master("local[" + cores + ",4]")
                .appName("dlfs-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /** A data set's samples (flattened) and class labels as a DataFrame, in row order, in {@code slices} parts. */
    static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Dataset d, int slices) {
        int n = d.size();
        Tensor x = d.x().reshape(n, d.x().size() / n);
        int[] labels = Labels.of(d.t());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = x.row(i).toFloatArray();
            Float[] boxed = new Float[v.length];
            for (int k = 0; k < v.length; k++) {
                boxed[k] = v[k];
            }
            rows.add(RowFactory.create(boxed, labels[i]));
        }
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
                SCHEMA);
    }
}
