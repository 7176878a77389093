package dev.dlfs.spark;

import dev.dlfs.data.Dataset;
import dev.dlfs.data.Labels;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A dlfs data set as Parquet: one row per sample, {@code features} (its values flattened row-major,
 * {@code array<float>}) and {@code label} (its class, int), in the data set's order. Written to a temporary
 * directory beside the target and renamed into place, so a reader never sees half a data set.
 */
final class ParquetDataset {
    static final StructType SCHEMA = new StructType()
            .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("label", DataTypes.IntegerType, false);
    private static final int CHUNK = 2000;

    private ParquetDataset() {
    }

    /** Writes {@code data} to the directory {@code dir}, which must not exist yet, in one file. */
    static void write(SparkSession spark, Dataset data, Path dir) throws IOException {
        if (Files.exists(dir)) {
            throw new IOException(dir + " exists already; remove it to write " + data.name() + " again");
        }
        int n = data.size();
        Tensor x = data.x().reshape(n, data.x().size() / n);
        int[] labels = Labels.of(data.t());
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            chunks.add(new Chunk(x.rows(from, to).toFloatArray(), java.util.Arrays.copyOfRange(labels, from, to)));
        }
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + dir.getFileName() + ".writing-" + ProcessHandle.current().pid());
        deleteTree(tmp);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            // One slice per chunk keeps the order; coalescing to one partition writes one file in that order.
            spark.createDataFrame(jsc.parallelize(chunks, chunks.size()).flatMap(Chunk::rows), SCHEMA)
                    .coalesce(1).write().parquet(tmp.toUri().toString());
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> all = Files.walk(p)) {
                for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }

    /** Consecutive samples, shipped to a task that turns them into rows. */
    private record Chunk(float[] values, int[] labels) implements Serializable {
        java.util.Iterator<Row> rows() {
            int per = values.length / labels.length;
            List<Row> out = new ArrayList<>(labels.length);
            for (int i = 0; i < labels.length; i++) {
                Float[] v = new Float[per];
                for (int k = 0; k < per; k++) {
                    v[k] = values[i * per + k];
                }
                out.add(RowFactory.create(v, labels[i]));
            }
            return out.iterator();
        }
    }
}
