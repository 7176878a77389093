package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training with every batch drawn and differentiated as a fixed number of shards (what nn-spark reproduces). */
class ShardedTrainingTest {
    private static final String NET = """
            name: sharded
            input: [784]
            layers: [{type: affine, units: 30, init: he}, relu, {type: affine, units: 10}]
            loss: softmax-with-loss
            optimizer: {type: momentum, lr: 0.05}
            training: {iterations: 12, batch-size: 50, seed: 3, eval: 6, shards: 3}
            """;

    @Test
    void shardRangesCoverTheDataOnceAndBatchesAddUp() {
        ShardPlan p = new ShardPlan(103, 50, 3, Sampling.RANDOM, 1);
        int rows = 0;
        int batch = 0;
        for (int s = 0; s < 3; s++) {
            assertEquals(rows, p.firstRow(s));
            for (int r = p.firstRow(s); r < p.firstRow(s) + p.rows(s); r++) {
                assertEquals(s, p.shardOf(r), "row " + r);
            }
            rows += p.rows(s);
            batch += p.batch(s);
            for (int i : p.draw(s, 7)) {
                assertTrue(i >= 0 && i < p.rows(s), "draw " + i + " outside shard " + s);
            }
        }
        assertEquals(103, rows);
        assertEquals(50, batch);
        assertArrayEquals(p.draw(1, 7), p.draw(1, 7), "a draw is a function of (seed, shard, iteration)");
        assertNotEquals(Arrays.toString(p.draw(1, 7)), Arrays.toString(p.draw(1, 8)));
    }

    @Test
    void aShuffledEpochVisitsEveryRowOfAShardOnce() {
        ShardPlan p = new ShardPlan(60, 12, 3, Sampling.SHUFFLE, 5);
        for (int epoch = 0; epoch < 2; epoch++) {
            boolean[] seen = new boolean[p.rows(2)];
            for (int i = 0; i < p.rows(2) / p.batch(2); i++) {
                for (int r : p.draw(2, epoch * 5 + i)) {
                    assertTrue(!seen[r], "row " + r + " twice in epoch " + epoch);
                    seen[r] = true;
                }
            }
            for (boolean b : seen) {
                assertTrue(b);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShardPlan(10, 12, 3, Sampling.SHUFFLE, 0));
        assertTrue(e.getMessage().contains("shard 0 holds 3 samples"), e.getMessage());
    }

    @Test
    void shardSumsAddUpToTheWholeBatchGradient() {
        NetworkConfig c = NetworkConfig.parse(NET, "sharded.yaml");
        Network net = Network.of(c);
        Dataset d = DeterminismTest.randomImages(90).train();
        Tensor x = d.x().reshape(90, 784);
        List<ShardGradient> parts = new ArrayList<>();
        int[][] cuts = {{0, 31}, {31, 60}, {60, 90}};
        for (int s = 0; s < 3; s++) {
            parts.add(ShardGradient.of(net, s, x.rows(cuts[s][0], cuts[s][1]), d.t().rows(cuts[s][0], cuts[s][1])));
        }
        double loss = ShardGradient.apply(net, parts);
        Map<String, Tensor> sharded = new java.util.LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            sharded.put(p.name(), p.grad().copy());
        }
        net.gradient(x, d.t());
        assertEquals(net.lastLoss(), loss, 1e-6);
        for (Parameter p : net.parameters()) {
            assertTrue(sharded.get(p.name()).allClose(p.grad(), 1e-4, 1e-6), p.name() + " differs by "
                    + sharded.get(p.name()).maxAbsDiff(p.grad()));
        }
        List<ShardGradient> outOfOrder = List.of(parts.get(1), parts.get(0), parts.get(2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShardGradient.apply(net, outOfOrder))
                .getMessage().contains("shard order"));
    }

    @Test
    void shardedTrainingIsTheSameForAnyThreadCountAndDiffersFromWholeBatches() {
        NetworkConfig c = NetworkConfig.parse(NET, "sharded.yaml");
        DataSplit data = DeterminismTest.randomImages(300);
        Network one = Network.of(c);
        Network two = Network.of(c);
        Network whole = Network.of(c);
        TrainingResult a = new Trainer(one, c.createOptimizer(), c.training().withThreads(1)).run(data);
        TrainingResult b = new Trainer(two, c.createOptimizer(), c.training().withThreads(2)).run(data);
        new Trainer(whole, c.createOptimizer(), c.training().withShards(0)).run(data);
        assertEquals(a.history(), b.history());
        assertEquals(one.params(), two.params());
        assertTrue(a.history().loss(11) < a.history().loss(0), "sharded training lowered the loss");
        assertNotEquals(one.params(), whole.params(), "shards: 0 keeps the usual whole-batch run");
    }

    @Test
    void networksThatCoupleTheSamplesOfABatchAreRefused() {
        for (String layer : List.of("{type: batchnorm}", "{type: dropout, ratio: 0.5}")) {
            NetworkConfig c = NetworkConfig.parse(NET.replace("relu,", "relu, " + layer + ","), "coupled.yaml");
            Network net = Network.of(c);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Trainer.of(net).run(DeterminismTest.randomImages(100)));
            assertTrue(e.getMessage().contains("not the sum of its shards' gradients"), e.getMessage());
            assertTrue(e.getMessage().contains(net.layers().get(2).name()), e.getMessage());
        }
    }

    @Test
    void theShardCountIsReadWrittenAndChecked() {
        NetworkConfig c = NetworkConfig.parse(NET, "sharded.yaml");
        assertEquals(3, c.training().shards());
        assertEquals(3, NetworkConfig.parse(c.toYaml(), "again.yaml").training().shards());
        ConfigException e = assertThrows(ConfigException.class,
                () -> NetworkConfig.parse(NET.replace("shards: 3", "shards: 51"), "many.yaml"));
        assertEquals("training.shards", e.path());
        assertTrue(e.getMessage().contains("51 shards of a batch of 50"), e.getMessage());
    }
}
