package dev.dlfs.bench.layers;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward + backward passes of the layers of the book's networks, float32, batch 100: the pieces of TwoLayerNet
 * (784-50-10) and of SimpleConvNet's convolution (30 filters 5×5 on 100×1×28×28). The same operations in NumPy:
 * {@code scripts/bench/numpy_layers.py}; both in one session: {@code scripts/bench/compare_layers.py}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LayerBenchmarks {
    private static final int BATCH = 100;

    private Layer affine1;
    private Layer relu;
    private Layer affine2;
    private Loss softmaxWithLoss;
    private Layer convolution;
    private Tensor images;
    private Tensor flatImages;
    private Tensor labels;
    private Tensor hidden;
    private Tensor hiddenGrad;
    private Tensor scores;
    private Tensor convGrad;

    private static Layer layer(String type, Map<String, ?> options, int... sampleShape) {
        return LayerRegistry.create(LayerSpec.of(type, options),
                new LayerContext(sampleShape, DType.FLOAT32, new SplittableRandom(42)));
    }

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        affine1 = layer("affine", Map.of("units", 50), 784);
        relu = layer("relu", Map.of(), 50);
        affine2 = layer("affine", Map.of("units", 10), 50);
        softmaxWithLoss = LossRegistry.create("softmax-with-loss", Options.empty());
        convolution = layer("convolution", Map.of("filters", 30, "size", 5), 1, 28, 28);
        images = Tensor.rand(rng, DType.FLOAT32, 0, 1, BATCH, 1, 28, 28);
        flatImages = images.reshape(BATCH, 784);
        labels = Tensor.zeros(DType.FLOAT32, BATCH);
        for (int i = 0; i < BATCH; i++) {
            labels.setFlat(i, rng.nextInt(10));
        }
        hidden = Tensor.randn(rng, DType.FLOAT32, BATCH, 50);
        hiddenGrad = Tensor.randn(rng, DType.FLOAT32, BATCH, 50);
        scores = Tensor.randn(rng, DType.FLOAT32, BATCH, 10);
        convGrad = Tensor.randn(rng, DType.FLOAT32, BATCH, 30, 24, 24);
    }

    /** TwoLayerNet's gradient step without the update: Affine, Relu, Affine, SoftmaxWithLoss and back. */
    @Benchmark
    public Tensor twoLayerNet() {
        Tensor a = affine1.forward(flatImages, true);
        Tensor z = relu.forward(a, true);
        Tensor y = affine2.forward(z, true);
        softmaxWithLoss.forward(y, labels);
        Tensor d = affine2.backward(softmaxWithLoss.backward());
        return affine1.backward(relu.backward(d));
    }

    @Benchmark
    public Tensor affine784x50() {
        affine1.forward(flatImages, true);
        return affine1.backward(hiddenGrad);
    }

    @Benchmark
    public Tensor relu100x50() {
        relu.forward(hidden, true);
        return relu.backward(hiddenGrad);
    }

    @Benchmark
    public Tensor softmaxWithLoss100x10() {
        softmaxWithLoss.forward(scores, labels);
        return softmaxWithLoss.backward();
    }

    /** SimpleConvNet's convolution: im2col, one gemm, and back through col2im. */
    @Benchmark
    public Tensor convolution30x5x5() {
        convolution.forward(images, true);
        return convolution.backward(convGrad);
    }
}
