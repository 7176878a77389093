package dev.dlfs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.data.DatasetNotFoundException;
import dev.dlfs.data.Labels;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.Trainer;
import dev.dlfs.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch inference on the real MNIST test set: the transformer's predictions are those of {@code dlfs eval} (the
 * argmax of {@code Network.predict} over chunks of 1000, as its confusion matrix computes them) for every image.
 */
class CheckpointTransformerTest {
    private static SparkSession spark;
    private static DataSplit mnist;
    private static Network trained;
    private static Path checkpoint;
    @TempDir
    static Path dir;

    @BeforeAll
    static void trainBriefly() throws Exception {
        NetworkConfig c = NetworkConfig.load(Path.of("../examples/two-layer-net.yaml"));
        try {
            mnist = c.loadData();
        } catch (DatasetNotFoundException e) {
            if (System.getenv("CI") != null) {
                fail("REAL DATA MISSING in CI: MNIST must be installed before the tests (scripts/test.sh does it)");
            }
            System.err.println("*** REAL DATA MISSING: MNIST is not on this machine; SKIPPED, not passed: "
                    + e.getMessage());
            Assumptions.abort("MNIST is not on this machine; skipped, not passed");
        }
        trained = Network.of(c);
        new Trainer(trained, c.createOptimizer(), c.training().withIterations(300)).run(mnist);
        checkpoint = dir.resolve("two-layer-net.npz");
        Checkpoint.save(checkpoint, trained);
        spark = LocalSpark.start(2);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Dataset head(Dataset d, int n) {
        return new Dataset(d.name() + "[:" + n + "]", d.x().rows(0, n), d.t().rows(0, n), d.classes(), List.of());
    }

    /** What dlfs eval computes: the argmax of the scores, 1000 images at a time. */
    private static int[] evalPredictions(Network net, Tensor x) {
        int n = x.dim(0);
        int[] out = new int[n];
        for (int from = 0; from < n; from += 1000) {
            int to = Math.min(n, from + 1000);
            Tensor s = net.predict(x.rows(from, to));
            System.arraycopy(s.reshape(to - from, s.size() / (to - from)).argmax(1), 0, out, from, to - from);
        }
        return out;
    }

    @Test
    void predictionsEqualDlfsEvalOnEveryTestImage() throws Exception {
        Dataset test = mnist.test();
        Network loaded = Checkpoint.load(checkpoint).network();
        int[] expected = evalPredictions(loaded, test.x());
        Tensor scores = loaded.predict(test.x());
        // A file of its own: executors keep networks by file and content, and another test's tasks (a failing
        // transform may build one before the stage is cancelled) must not have built this one already.
        Path own = Files.copy(checkpoint, dir.resolve("scored-once.npz"));
        long before = ExecutorNetworks.built();
        CheckpointTransformer scorer = new CheckpointTransformer().setCheckpoint(own.toString())
                .setBatchSize(128);
        List<Row> rows = scorer.transform(LocalSpark.frame(spark, test, 8)).collectAsList();
        long loads = ExecutorNetworks.built() - before;
        assertEquals(test.size(), rows.size());
        int[] predicted = new int[rows.size()];
        int[] labels = Labels.of(test.t());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(labels[i], r.getInt(1), "row order is kept");
            predicted[i] = (int) r.getDouble(2);
            Vector p = (Vector) r.get(3);
            double[] want = scores.row(i).softmax().toDoubleArray();
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], p.apply(k), 1e-6, "probability of class " + k + " for image " + i);
            }
        }
        assertArrayEquals(expected, predicted);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        assertTrue(right > 8500, "a briefly trained network is right on " + right + " of 10000");
        assertTrue(loads >= 1 && loads <= 2, "8 tasks on 2 cores loaded the checkpoint " + loads + " times");
        scorer.transform(LocalSpark.frame(spark, head(test, 500), 4)).count();
        // Reuse means one network per task slot in all, not none new: if the first job's tasks happened to run one at
        // a time (a busy machine), the second job's two concurrent tasks rightly build a second one.
        long total = ExecutorNetworks.built() - before;
        assertTrue(total >= loads && total <= 2, "12 tasks in two jobs on 2 cores built " + total
                + " networks in all; each task slot builds at most one and then reuses it");
    }

    @Test
    void theParquetOfTheExampleHoldsTheDataSetInOrder() throws Exception {
        Dataset part = head(mnist.test(), 700);
        Path out = dir.resolve("parquet-test");
        ParquetDataset.write(spark, part, out);
        List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(700, rows.size());
        int[] labels = Labels.of(part.t());
        for (int i = 0; i < 700; i++) {
            List<Object> v = rows.get(i).getList(0);
            float[] got = new float[v.size()];
            for (int k = 0; k < got.length; k++) {
                got[k] = (Float) v.get(k);
            }
            assertArrayEquals(part.x().row(i).toFloatArray(), got, "image " + i);
            assertEquals(labels[i], rows.get(i).getInt(1));
        }
        assertTrue(assertThrows(java.io.IOException.class, () -> ParquetDataset.write(spark, part, out))
                .getMessage().contains("exists already"));
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().contains(".writing-")), "no temporary left");
        }
    }

    @Test
    void wrongInputIsNamed() {
        CheckpointTransformer scorer = new CheckpointTransformer().setCheckpoint(checkpoint.toString());
        var frame = LocalSpark.frame(spark, head(mnist.test(), 10), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scorer.setInputCol("pixels").transform(frame));
        assertEquals("no column 'pixels' for the samples; the columns are [features, label]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CheckpointTransformer().setCheckpoint(
                checkpoint.toString()).setPredictionCol("label").transform(frame));
        assertTrue(e.getMessage().contains("already has a column 'label'"), e.getMessage());
        Exception failed = assertThrows(Exception.class, () -> new CheckpointTransformer()
                .setCheckpoint(checkpoint.toString())
                .transform(frame.withColumn("features", org.apache.spark.sql.functions.slice(frame.col("features"),
                        1, 700))).collectAsList());
        assertTrue(failed.getMessage().contains("column 'features' holds 700 values; the network takes 784 per"
                + " sample"), failed.getMessage());
    }
}
