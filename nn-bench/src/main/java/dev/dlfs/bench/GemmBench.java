package dev.dlfs.bench;

import dev.dlfs.tensor.DType;
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
 * {@code Gemm} on the square 1024³ product and on the products of the book's networks (batch 100): the
 * TwoLayerNet affine layer forward, its weight and input gradients, the output layer, and SimpleConvNet's im2col
 * convolution. Time per call; GFLOPS = 2·M·N·K / time. Shapes as in {@link GemmRunner}.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar Gemm -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
    @Param({"1024x1024x1024", "100x50x784", "784x50x100:TN", "100x784x50:NT", "100x10x50", "57600x30x25"})
    public String shape;

    @Param({"f32", "f64"})
    public String dtype;

    private GemmRunner.Shape s;
    private float[] af;
    private float[] bf;
    private float[] cf;
    private double[] ad;
    private double[] bd;
    private double[] cd;

    @Setup
    public void setup() {
        s = GemmRunner.Shape.parse(shape);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(0);
        ad = rng.doubles((long) s.m() * s.k(), -1, 1).toArray();
        bd = rng.doubles((long) s.k() * s.n(), -1, 1).toArray();
        cd = new double[s.m() * s.n()];
        if (DType.parse(dtype) == DType.FLOAT32) {
            af = toFloats(ad);
            bf = toFloats(bd);
            cf = new float[cd.length];
        }
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    @Benchmark
    public Object gemm() {
        int lda = s.transA() ? s.m() : s.k();
        int ldb = s.transB() ? s.k() : s.n();
        if (af != null) {
            dev.dlfs.tensor.Gemm.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, af, 0, lda, bf, 0, ldb, 0f,
                    cf, 0, s.n());
            return cf;
        }
        dev.dlfs.tensor.Gemm.dgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1, ad, 0, lda, bd, 0, ldb, 0, cd,
                0, s.n());
        return cd;
    }
}
