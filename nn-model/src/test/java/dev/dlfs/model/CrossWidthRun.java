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
 * What {@link CrossWidthTrainingTest} runs in each child JVM: trains small networks that between them use every
 * layer, loss and optimizer kernel with a vector loop or a reduction, and writes into the directory given as the
 * argument each network's checkpoint ({@code NAME.npz}), the bits of its losses ({@code NAME.losses}) and the
 * preferred vector lanes of this JVM ({@code lanes}). Products are MNIST-sized, large enough for gemm to block and
 * split them.
 */
final class CrossWidthRun {
    private static final int SAMPLES = 200;

    private record Net(String name, String yaml) {
    }

    private static final List<Net> NETS = List.of(
            new Net("convnet", """
                    input: [1, 28, 28]
                    layers:
                      - {type: convolution, filters: 8, size: 5, init: he}
                      - {type: batchnorm}
                      - {type: relu}
                      - {type: pooling, size: 2}
                      - {type: affine, units: 61, init: he}
                      - {type: batchnorm}
                      - {type: relu}
                      - {type: dropout, ratio: 0.1}
                      - {type: affine, units: 10}
                    loss: softmax-with-loss
                    optimizer: {type: adam, lr: 0.001, weight-decay: 0.0001}
                    training: {iterations: 3, batch-size: 100, seed: 4, eval: none}
                    """),
            new Net("strided-convnet", """
                    input: [1, 28, 28]
                    layers:
                      - {type: convolution, filters: 5, size: 3, stride: 2, pad: 1}
                      - {type: tanh}
                      - {type: avg-pool, size: 2}
                      - {type: affine, units: 10}
                    loss: {type: huber, delta: 0.5}
                    optimizer: {type: adagrad, lr: 0.01}
                    training: {iterations: 3, batch-size: 100, seed: 5, eval: none}
                    """),
            new Net("mlp64", """
                    dtype: float64
                    input: [1, 28, 28]
                    layers:
                      - {type: flatten}
                      - {type: affine, units: 61}
                      - {type: tanh}
                      - {type: affine, units: 33}
                      - {type: batchnorm}
                      - {type: softplus}
                      - {type: affine, units: 10}
                      - {type: softmax}
                    loss: mean-squared-error
                    optimizer: {type: rmsprop, lr: 0.01, weight-decay: 0.001}
                    training: {iterations: 3, batch-size: 100, seed: 6, eval: none}
                    """),
            new Net("sigmoid-net", """
                    input: [1, 28, 28]
                    layers:
                      - {type: flatten}
                      - {type: affine, units: 45}
                      - {type: sigmoid}
                      - {type: affine, units: 10}
                    loss: sigmoid-with-loss
                    optimizer: {type: nesterov, lr: 0.1}
                    training: {iterations: 3, batch-size: 100, seed: 7, eval: none}
                    """),
            new Net("mae-net", """
                    dtype: float64
                    input: [1, 28, 28]
                    layers:
                      - {type: convolution, filters: 3, size: 5}
                      - {type: relu}
                      - {type: affine, units: 10}
                    loss: mean-absolute-error
                    optimizer: {type: momentum, lr: 0.01, weight-decay: 0.001}
                    training: {iterations: 3, batch-size: 100, seed: 8, eval: none}
                    """),
            new Net("sgd-net", """
                    input: [1, 28, 28]
                    layers:
                      - {type: flatten}
                      - {type: affine, units: 50}
                      - {type: relu}
                      - {type: affine, units: 10}
                    loss: softmax-with-loss
                    optimizer: {type: sgd, lr: 0.1, weight-decay: 0.001}
                    training: {iterations: 3, batch-size: 100, seed: 9, eval: none}
                    """));

    private CrossWidthRun() {
    }

    /** The names of the networks, whose files the test compares. */
    static List<String> names() {
        return NETS.stream().map(Net::name).toList();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.writeString(dir.resolve("lanes"), preferredLanes("Float") + " " + preferredLanes("Double"));
        for (Net n : NETS) {
            long t0 = System.nanoTime();
            NetworkConfig c = NetworkConfig.parse(n.yaml(), n.name() + ".yaml");
            Network net = Network.of(c);
            Trainer trainer = Trainer.of(net);
            TrainingResult r = trainer.run(data(c.dtype()));
            Checkpoint.save(dir.resolve(n.name() + ".npz"), net, trainer.optimizer(), r.iterations());
            StringBuilder losses = new StringBuilder();
            for (double loss : r.history().losses()) {
                losses.append(Long.toHexString(Double.doubleToRawLongBits(loss))).append('\n');
            }
            Files.writeString(dir.resolve(n.name() + ".losses"), losses);
            System.out.printf("%s: %.2f s%n", n.name(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Random images in [0, 1) with random classes 0–9. */
    private static DataSplit data(DType dtype) {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = Tensor.rand(rng, dtype, 0, 1, SAMPLES, 1, 28, 28);
        Tensor t = Tensor.zeros(dtype, SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            t.setFlat(i, rng.nextInt(10));
        }
        Dataset d = new Dataset("random", x, t, 10, List.of());
        return new DataSplit(d, d);
    }

    /**
     * The lanes of {@code jdk.incubator.vector.<type>Vector.SPECIES_PREFERRED}, read reflectively: this module does
     * not read the incubator module, the child JVM (on the class path) does.
     */
    private static int preferredLanes(String type) throws ReflectiveOperationException {
        Class<?> vector = Class.forName("jdk.incubator.vector." + type + "Vector");
        Object species = vector.getField("SPECIES_PREFERRED").get(null);
        return (int) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("length").invoke(species);
    }
}
