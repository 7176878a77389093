package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Same configuration and seed give bitwise the same run for any thread count, with products large enough to be
 * split over threads (an MNIST-sized affine layer and convolution).
 */
class DeterminismTest {
    static DataSplit randomImages(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = Tensor.rand(rng, DType.FLOAT32, 0, 1, n, 1, 28, 28);
        Tensor t = Tensor.zeros(DType.FLOAT32, n);
        for (int i = 0; i < n; i++) {
            t.setFlat(i, rng.nextInt(10));
        }
        Dataset d = new Dataset("random", x, t, 10, List.of());
        return new DataSplit(d, d);
    }

    static void sameRunForOneAndTwoThreads(String yaml) {
        NetworkConfig c = NetworkConfig.parse(yaml, "determinism.yaml");
        DataSplit data = randomImages(500);
        Network one = Network.of(c);
        Network two = Network.of(c);
        TrainingResult a = new Trainer(one, c.createOptimizer(), c.training().withThreads(1)).run(data);
        TrainingResult b = new Trainer(two, c.createOptimizer(), c.training().withThreads(2)).run(data);
        assertEquals(a.history(), b.history());
        assertEquals(one.params(), two.params());
        assertTrue(a.history().loss(0) != a.history().loss(a.iterations() - 1), "the run changed the weights");
    }

    @Test
    void anMnistSizedAffineNetwork() {
        sameRunForOneAndTwoThreads("""
                input: [784]
                layers: [{type: affine, units: 100, init: he}, relu, {type: affine, units: 10}]
                loss: softmax-with-loss
                optimizer: {type: sgd, lr: 0.1}
                training: {iterations: 15, batch-size: 100, seed: 4, eval: 5}
                """);
    }

    @Test
    void aConvolutionalNetwork() {
        sameRunForOneAndTwoThreads("""
                input: [1, 28, 28]
                layers:
                  - {type: convolution, filters: 8, size: 5, init: he}
                  - relu
                  - {type: pooling, size: 2}
                  - {type: affine, units: 10}
                loss: softmax-with-loss
                optimizer: {type: adam, lr: 0.001}
                training: {iterations: 6, batch-size: 100, seed: 4, eval: 3}
                """);
    }
}
