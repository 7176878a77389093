package dev.dlfs.bench;

import dev.dlfs.model.NamedLayer;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a training step of a network goes: each layer's forward and backward pass, timed one by one on a random
 * batch (uniform pixels in [0, 1), random one-hot targets) once warm. Not a JMH benchmark: a step's layers run in
 * order on the same buffers, as in training, and the median of the later steps is reported per layer.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar dev.dlfs.bench.LayerTimes \
 *     examples/deep-convnet.yaml [batch 100] [steps 80]
 * </pre>
 */
public final class LayerTimes {
    private LayerTimes() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: LayerTimes CONFIG.yaml [BATCH] [STEPS]");
            System.exit(2);
        }
        Network net = Network.of(NetworkConfig.load(Path.of(args[0])));
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        int[] in = net.inputShape();
        int[] shape = new int[in.length + 1];
        shape[0] = batch;
        System.arraycopy(in, 0, shape, 1, in.length);
        SplittableRandom rng = new SplittableRandom(1);
        Tensor x = Tensor.rand(rng, net.dtype(), 0, 1, shape);
        int[] out = net.outputShape();
        int classes = out[out.length - 1];
        Tensor t = Tensor.zeros(net.dtype(), batch, classes);
        for (int i = 0; i < batch; i++) {
            t.set(1, i, rng.nextInt(classes));
        }
        List<NamedLayer> layers = net.layers();
        int timed = steps - steps / 2;
        long[][] forward = new long[layers.size()][timed];
        long[][] backward = new long[layers.size()][timed];
        for (int step = 0; step < steps; step++) {
            int at = step - steps / 2;
            Tensor h = x;
            for (int i = 0; i < layers.size(); i++) {
                long t0 = System.nanoTime();
                h = layers.get(i).layer().forward(h, true);
                if (at >= 0) {
                    forward[i][at] = System.nanoTime() - t0;
                }
            }
            net.lossLayer().forward(h, t);
            Tensor d = net.lossLayer().backward();
            for (int i = layers.size() - 1; i >= 0 && d != null; i--) {
                // Stops where the network's own backward pass stops: before the first layer with parameters.
                long t0 = System.nanoTime();
                d = layers.get(i).layer().backward(d);
                if (at >= 0) {
                    backward[i][at] = System.nanoTime() - t0;
                }
            }
        }
        double total = 0;
        System.out.printf("%s, batch %d: median of steps %d-%d, ms%n", net.config().name(), batch, steps / 2 + 1,
                steps);
        for (int i = 0; i < layers.size(); i++) {
            double f = median(forward[i]);
            double b = median(backward[i]);
            total += f + b;
            System.out.printf("%-12s %-14s forward %7.3f  backward %7.3f%n", layers.get(i).name(),
                    layers.get(i).type(), f, b);
        }
        System.out.printf("sum of the medians %.2f ms%n", total);
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
