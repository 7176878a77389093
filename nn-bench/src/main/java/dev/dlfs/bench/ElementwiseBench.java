package dev.dlfs.bench;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
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
 * Element-wise tensor operations on the sizes of the book's TwoLayerNet (batch 100): the affine bias added by
 * broadcasting, {@code exp} (softmax, sigmoid) and ReLU as {@code maximum(x, 0)}. All write into preallocated
 * outputs, as a training loop does, so the figures are the kernels alone (check with {@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseBench {
    /** Rows × columns: the hidden layer (100×50) and the input batch (100×784). */
    @Param({"100x50", "100x784"})
    public String shape;

    @Param({"f32", "f64"})
    public String dtype;

    private Tensor x;
    private Tensor bias;
    private Tensor out;

    @Setup
    public void setup() {
        String[] d = shape.split("x");
        int rows = Integer.parseInt(d[0]);
        int cols = Integer.parseInt(d[1]);
        DType t = DType.parse(dtype);
        SplittableRandom rng = new SplittableRandom(1);
        x = Tensor.randn(rng, t, rows, cols);
        bias = Tensor.randn(rng, t, cols);
        out = Tensor.zeros(t, rows, cols);
    }

    @Benchmark
    public Tensor addBias() {
        return x.add(bias, out);
    }

    @Benchmark
    public Tensor exp() {
        return x.exp(out);
    }

    @Benchmark
    public Tensor relu() {
        return x.maximum(0.0, out);
    }
}
