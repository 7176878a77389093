package dev.dlfs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.Trainer;
import dev.dlfs.model.TrainingResult;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Exact mode: the Spark run is bitwise the single-JVM {@link Trainer} run with the same shards, for 2 and 3 cores and
 * any partitioning, also when a task fails and is retried.
 */
class ExactTrainingTest {
    static final String NET = """
            name: spark-exact
            input: [784]
            layers: [{type: affine, units: 40, init: he}, relu, {type: affine, units: 10}]
            loss: softmax-with-loss
            optimizer: {type: adam, lr: 0.002}
            training: {iterations: 8, batch-size: 60, seed: 9, eval: 4, shards: 4}
            """;

    /** Random images with labels that depend on them (so that training has something to learn). */
    static DataSplit images(int n, boolean oneHot) {
        SplittableRandom rng = new SplittableRandom(17);
        Tensor x = Tensor.rand(rng, DType.FLOAT32, 0, 1, n, 784);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) (x.get(i, 0) * 5) + (x.get(i, 1) > 0.5 ? 5 : 0);
        }
        Tensor t = dev.dlfs.data.Labels.targets(labels, 10, oneHot, DType.FLOAT32);
        Dataset train = new Dataset("train", x.rows(0, n - 100), t.rows(0, n - 100), 10, List.of());
        Dataset test = new Dataset("test", x.rows(n - 100, n), t.rows(n - 100, n), 10, List.of());
        return new DataSplit(train, test);
    }

    static TrainingResult single(NetworkConfig c, DataSplit data, Network out) {
        return new Trainer(out, c.createOptimizer(), c.training()).run(data);
    }

    @Test
    void twoAndThreeCoresGiveTheSingleJvmRunBitForBit() {
        NetworkConfig c = NetworkConfig.parse(NET, "exact.yaml");
        DataSplit data = images(400, false);
        Network reference = Network.of(c);
        TrainingResult expected = single(c, data, reference);
        for (int cores : new int[] {2, 3}) {
            SparkSession spark = LocalSpark.start(cores);
            try {
                var train = LocalSpark.frame(spark, data.train(), cores + 1);
                var test = LocalSpark.frame(spark, data.test(), 2);
                for (int partitions : new int[] {cores, 4}) {
                    Network net = Network.of(c);
                    TrainingResult r = SparkTrainer.of(net).partitions(partitions).run(train, test);
                    String where = "local[" + cores + "], " + partitions + " partitions";
                    assertArrayEquals(expected.history().losses(), r.history().losses(), where);
                    assertEquals(expected.history().evaluations(), r.history().evaluations(), where);
                    assertEquals(reference.params(), net.params(), where);
                }
            } finally {
                spark.stop();
            }
        }
        assertNotEquals(Network.of(c).params(), reference.params(), "the run trained");
    }

    @Test
    void aFailedTaskIsRetriedAndTheResultStaysExact() {
        NetworkConfig c = NetworkConfig.parse(NET.replace("adam, lr: 0.002", "momentum, lr: 0.05"), "retry.yaml");
        DataSplit data = images(300, true);
        Network reference = Network.of(c);
        TrainingResult expected = single(c, data, reference);
        SparkSession spark = LocalSpark.start(2);
        try {
            Network net = Network.of(c);
            FailingOnce.arm(3);
            TrainingResult r = SparkTrainer.of(net).oneHot(true)
                    .run(LocalSpark.frame(spark, data.train(), 3), LocalSpark.frame(spark, data.test(), 1));
            assertTrue(FailingOnce.fired(), "a task failed");
            assertArrayEquals(expected.history().losses(), r.history().losses());
            assertEquals(reference.params(), net.params());
        } finally {
            FailingOnce.disarm();
            spark.stop();
        }
    }

    /**
     * 11 steps, 3 per job, evaluations after steps 0, 5 and 10: jobs of steps 0 (alone, an ordinary job), 1–3,
     * 4–5 (cut at the evaluation), 6–8 and 9–10. In local[3] a task of the job of steps 6–8 fails once, so that
     * Spark reruns the whole barrier stage.
     */
    @Test
    void severalStepsPerJobInBarrierModeStayExactAlsoWhenAStageIsRetried() {
        NetworkConfig c = NetworkConfig.parse(NET.replace("iterations: 8", "iterations: 11")
                .replace("eval: 4", "eval: 5"), "barrier.yaml");
        DataSplit data = images(400, false);
        Network reference = Network.of(c);
        TrainingResult expected = single(c, data, reference);
        assertEquals(4, expected.history().evaluations().size(), "evaluations after steps 0, 5 and 10, and the last");
        for (int cores : new int[] {2, 3}) {
            SparkSession spark = LocalSpark.start(cores);
            try {
                Network net = Network.of(c);
                if (cores == 3) {
                    FailingOnce.arm(6);
                }
                long wakes = BarrierWake.wakes();
                TrainingResult r = SparkTrainer.of(net).stepsPerJob(3)
                        .run(LocalSpark.frame(spark, data.train(), 2), LocalSpark.frame(spark, data.test(), 1));
                String where = "local[" + cores + "], 3 steps per job";
                assertArrayEquals(expected.history().losses(), r.history().losses(), where);
                assertEquals(expected.history().evaluations(), r.history().evaluations(), where);
                assertEquals(reference.params(), net.params(), where);
                assertEquals(cores == 3, FailingOnce.fired(), "the injected failure fired");
                assertTrue(BarrierWake.wakes() > wakes, "tasks waiting for each other were woken");
            } finally {
                FailingOnce.disarm();
                spark.stop();
            }
        }
    }

    @Test
    void badInputIsNamed() {
        NetworkConfig c = NetworkConfig.parse(NET, "bad.yaml");
        SparkSession spark = LocalSpark.start(2);
        try {
            DataSplit data = images(160, false);
            org.apache.spark.sql.Dataset<Row> train = LocalSpark.frame(spark, data.train(), 2);
            org.apache.spark.sql.Dataset<Row> test = LocalSpark.frame(spark, data.test(), 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkTrainer.of(
                    Network.of(c)).columns(new Columns("pixels", "label")).run(train, test));
            assertEquals("no column 'pixels' for the samples; the columns are [features, label]", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> SparkTrainer.of(Network.of(c))
                    .run(train.withColumn("label", train.col("label").cast("double")), test));
            assertTrue(e.getMessage().startsWith("column 'label' is double; the labels must be whole numbers"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> SparkTrainer.of(Network.of(c)).stepsPerJob(2)
                    .partitions(5).run(train, test));
            assertTrue(e.getMessage().contains("5 partitions need more than the cluster's 2 task slots"),
                    e.getMessage());
            var ex = assertThrows(dev.dlfs.model.ConfigException.class, () -> SparkTrainer.of(Network.of(
                    NetworkConfig.parse(NET.replace(", shards: 4", ""), "unsharded.yaml"))));
            assertTrue(ex.getMessage().contains("training on Spark needs training.shards"), ex.getMessage());
        } finally {
            spark.stop();
        }
    }
}
