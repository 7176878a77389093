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
 * Reductions of the book's training step: the bias gradient {@code sum(dout, axis=0)} and the row-wise softmax of
 * the scores (100×10 for MNIST's ten classes; 100×784 as a wide case). Outputs are preallocated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ReductionBench {
    @Param({"100x10", "100x784"})
    public String shape;

    @Param({"f32", "f64"})
    public String dtype;

    private Tensor x;
    private Tensor columnSums;
    private Tensor probabilities;

    @Setup
    public void setup() {
        String[] d = shape.split("x");
        int rows = Integer.parseInt(d[0]);
        int cols = Integer.parseInt(d[1]);
        DType t = DType.parse(dtype);
        x = Tensor.randn(new SplittableRandom(2), t, rows, cols);
        columnSums = Tensor.zeros(t, cols);
        probabilities = Tensor.zeros(t, rows, cols);
    }

    @Benchmark
    public Tensor sumAxis0() {
        return x.sum(0, false, columnSums);
    }

    @Benchmark
    public Tensor softmax() {
        return x.softmax(probabilities);
    }
}
