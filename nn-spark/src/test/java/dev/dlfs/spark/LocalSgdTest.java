package dev.dlfs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DataSplit;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.TrainingResult;
import dev.dlfs.tensor.Tensor;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Local SGD: replicas train on their shards and are averaged every k steps. */
class LocalSgdTest {
    private static final String NET = ExactTrainingTest.NET.replace("adam, lr: 0.002", "sgd, lr: 0.1")
            .replace("iterations: 8", "iterations: 6");

    @Test
    void averagingEveryStepIsPlainSgdUpToRoundingAndLongerRoundsDiffer() {
        NetworkConfig c = NetworkConfig.parse(NET, "local-sgd.yaml");
        DataSplit data = ExactTrainingTest.images(300, false);
        SparkSession spark = LocalSpark.start(2);
        try {
            org.apache.spark.sql.Dataset<Row> train = LocalSpark.frame(spark, data.train(), 2);
            org.apache.spark.sql.Dataset<Row> test = LocalSpark.frame(spark, data.test(), 1);
            Network exact = Network.of(c);
            TrainingResult e = SparkTrainer.of(exact).run(train, test);
            // With plain SGD and equal shard batches, the mean of the replicas after one step is the step with the
            // mean gradient: the same update, rounded differently.
            Network everyStep = Network.of(c);
            TrainingResult one = SparkTrainer.of(everyStep).localSgd(1).run(train, test);
            assertArrayEquals(e.history().losses(), one.history().losses(), 1e-5);
            for (Map.Entry<String, Tensor> p : exact.params().entrySet()) {
                assertTrue(p.getValue().allClose(everyStep.params().get(p.getKey()), 1e-4, 1e-6), p.getKey());
            }
            Network everyThird = Network.of(c);
            TrainingResult three = SparkTrainer.of(everyThird).localSgd(3).partitions(3).run(train, test);
            Network again = Network.of(c);
            SparkTrainer.of(again).localSgd(3).run(train, test);
            assertEquals(everyThird.params(), again.params(), "local SGD is deterministic for any partitioning");
            assertNotEquals(exact.params(), everyThird.params());
            assertEquals(6, three.iterations());
            assertEquals(e.history().loss(0), three.history().loss(0), 1e-6, "the first step starts from the same"
                    + " weights on the same shard batches");
        } finally {
            spark.stop();
        }
    }
}
