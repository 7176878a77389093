package dev.dlfs.bench;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The operations that add up a range (in {@code FloatSum}/{@code DoubleSum}'s width-independent order): whole-tensor
 * and row sums, softmax, and the losses of a batch of 100×10 scores. Compare vector widths with
 * {@code -jvmArgsAppend -XX:MaxVectorSize=16} (128-bit) or {@code 32} (256-bit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SumBench {
    @Param({"f32", "f64"})
    public String dtype;

    private Tensor small;
    private Tensor large;
    private Tensor wide;
    private Tensor rowSums;
    private Tensor wideOut;
    private Tensor scores;
    private Tensor scoresOut;
    private Tensor labels;
    private Tensor probabilities;
    private Loss softmaxWithLoss;
    private Loss meanSquaredError;
    private Loss sigmoidWithLoss;

    @Setup
    public void setup() {
        DType t = DType.parse(dtype);
        SplittableRandom rng = new SplittableRandom(3);
        small = Tensor.randn(rng, t, 576);
        large = Tensor.randn(rng, t, 100_000);
        wide = Tensor.randn(rng, t, 100, 784);
        rowSums = Tensor.zeros(t, 100);
        wideOut = Tensor.zeros(t, 100, 784);
        scores = Tensor.randn(rng, t, 100, 10);
        scoresOut = Tensor.zeros(t, 100, 10);
        labels = Tensor.zeros(t, 100);
        for (int i = 0; i < 100; i++) {
            labels.setFlat(i, rng.nextInt(10));
        }
        probabilities = Tensor.rand(rng, t, 0, 1, 100, 10);
        softmaxWithLoss = LossRegistry.create("softmax-with-loss", Options.empty());
        meanSquaredError = LossRegistry.create("mean-squared-error", Options.empty());
        sigmoidWithLoss = LossRegistry.create("sigmoid-with-loss", Options.empty());
    }

    /** A 24×24 convolution output plane: the size of one bias-gradient sum. */
    @Benchmark
    public double sumAll576() {
        return small.sumAll();
    }

    @Benchmark
    public double sumAll100k() {
        return large.sumAll();
    }

    @Benchmark
    public Tensor sumRows100x784() {
        return wide.sum(1, false, rowSums);
    }

    @Benchmark
    public Tensor softmax100x10() {
        return scores.softmax(scoresOut);
    }

    @Benchmark
    public Tensor softmax100x784() {
        return wide.softmax(wideOut);
    }

    @Benchmark
    public Tensor softmaxWithLoss100x10() {
        softmaxWithLoss.forward(scores, labels);
        return softmaxWithLoss.backward();
    }

    @Benchmark
    public Tensor meanSquaredError100x10() {
        meanSquaredError.forward(scores, labels);
        return meanSquaredError.backward();
    }

    @Benchmark
    public Tensor sigmoidWithLoss100x10() {
        sigmoidWithLoss.forward(scores, probabilities);
        return sigmoidWithLoss.backward();
    }
}
