package dev.dlfs.model;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What {@link TrainerTest#sameSeedGivesBitwiseTheSameRunForAnyThreadCount} runs in a fresh JVM: the same training
 * with 1 thread, then with 2, writing each network's checkpoint ({@code threads-N.npz}) and the bits of its losses
 * ({@code threads-N.losses}) into the directory given as the argument, and, in {@code workers}, how many kernel
 * worker threads existed after each run: the proof that the 2-thread run's products were really split, as the pool
 * starts its workers only to hand them parts of a product cut into several.
 */
final class ThreadSplitRun {
    /**
     * The first product is (100 × 784) · (784 × 100): 2·100·784·100 = 15.7 million flops, ten times the 1.5 million
     * per part below which gemm keeps a product on one thread (BlockedGemm.FLOPS_PER_PART), so with 2 threads it is
     * cut into 2 parts; so are the backward products of the same size.
     */
    static final String WIDE = """
            name: wide-net
            input: [784]
            layers:
              - {type: affine, units: 100, init: he}
              - {type: relu}
              - {type: affine, units: 10, init: he}
            loss: softmax-with-loss
            optimizer: {type: momentum, lr: 0.05}
            training: {iterations: 20, batch-size: 100, seed: 5, eval: none}
            """;

    private ThreadSplitRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        NetworkConfig c = NetworkConfig.parse(WIDE, "wide.yaml");
        DataSplit data = data();
        StringBuilder workers = new StringBuilder();
        for (int threads : new int[] {1, 2}) {
            Network net = Network.of(c);
            TrainingResult r = new Trainer(net, c.createOptimizer(), c.training().withThreads(threads)).run(data);
            Checkpoint.save(dir.resolve("threads-" + threads + ".npz"), net);
            StringBuilder losses = new StringBuilder();
            for (int i = 0; i < r.iterations(); i++) {
                losses.append(Long.toHexString(Double.doubleToRawLongBits(r.history().loss(i)))).append('\n');
            }
            Files.writeString(dir.resolve("threads-" + threads + ".losses"), losses);
            workers.append(threads).append(' ').append(kernelWorkers()).append('\n');
        }
        Files.writeString(dir.resolve("workers"), workers);
    }

    /** The kernel pool's worker threads ({@code dlfs-kernel-N}; the warm-up threads are not workers). */
    private static long kernelWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("dlfs-kernel-\\d+")).count();
    }

    /** Random samples in [0, 1) with random classes 0–9. */
    private static DataSplit data() {
        SplittableRandom rng = new SplittableRandom(13);
        Tensor x = Tensor.rand(rng, DType.FLOAT32, 0, 1, 400, 784);
        Tensor t = Tensor.zeros(DType.FLOAT32, 400);
        for (int i = 0; i < 400; i++) {
            t.setFlat(i, rng.nextInt(10));
        }
        Dataset d = new Dataset("random", x, t, 10, List.of());
        return new DataSplit(d, d);
    }
}
