package dev.dlfs.examples.tensor;

import dev.dlfs.examples.Example;
import dev.dlfs.examples.ExampleContext;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.Tensor;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/** The book's chapter 1 and 3 NumPy sessions with dlfs tensors, and how fast matrix products run here. */
public final class TensorExample implements Example {
    @Override
    public String name() {
        return "tensor";
    }

    @Override
    public String description() {
        return "broadcasting and matrix products (ch01, ch03); the gemm speed on this machine";
    }

    @Override
    public void run(ExampleContext c) {
        c.println("== Broadcasting (ch01) ==");
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new double[] {10, 20}, 2);
        c.println("A =\n" + a);
        c.println("A * 10 =\n" + a.mul(10));
        c.println("B = " + b);
        c.println("A * B  (B is stretched to every row) =\n" + a.mul(b));
        c.println("A > 2 =\n" + a.gt(2));
        c.println("");

        c.println("== Matrix product (ch03) ==");
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor y = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        c.println("A (2x3) . B (3x2) =\n" + x.matmul(y));
        c.println("the book's answer: [[22 28] [49 64]]");
        Tensor in = Tensor.of(new double[] {1, 2}, 1, 2);
        Tensor w = Tensor.of(new double[][] {{1, 3, 5}, {2, 4, 6}});
        c.println("X (1x2) . W (2x3) = " + in.matmul(w) + "   (the book's [5 11 17])");
        c.println("");

        c.println("== gemm speed on this machine ==");
        c.printf("%d threads (set with --threads), float32, C = A . B with square matrices%n", Parallelism.threads());
        for (int n : new int[] {256, 512, 1024}) {
            c.printf("  %4d x %-4d  %7.1f GFLOP/s%n", n, n, gflops(n));
        }
        c.println("For careful numbers (JMH, against NumPy and PyTorch) see docs/benchmarks.md.");
    }

    /**
     * The best of several timed products, as 2·n³ floating-point operations per second, once the JIT has compiled
     * the vectorised kernels (the Vector API runs slowly until then, for a few seconds), so the figure is the steady
     * speed a training run sees.
     */
    static double gflops(int n) {
        SplittableRandom rng = new SplittableRandom(42);
        Tensor a = Tensor.rand(rng, DType.FLOAT32, -1, 1, n, n);
        Tensor b = Tensor.rand(rng, DType.FLOAT32, -1, 1, n, n);
        Tensor out = Tensor.zeros(DType.FLOAT32, n, n);
        // Warm up while the JIT is still compiling (it compiles the kernels in stages, and the Vector API is slow
        // until it has), at most 15 s: a half second of runs without any new compilation means the code is steady.
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        double previous = Double.MAX_VALUE;
        while (System.nanoTime() - start < 15_000_000_000L) {
            long compiled = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
            previous = Math.min(previous, timeFor(a, b, out, 500_000_000L));
            if (compiled < 0 || jit.getTotalCompilationTime() == compiled) {
                break;
            }
        }
        return 2.0 * n * n * n / Math.min(previous, timeFor(a, b, out, 300_000_000L));
    }

    /** Repeats the product for about {@code budget} nanoseconds (at least 3 times); the fastest run's time. */
    private static double timeFor(Tensor a, Tensor b, Tensor out, long budget) {
        long start = System.nanoTime();
        double best = Double.MAX_VALUE;
        for (int runs = 0; runs < 3 || System.nanoTime() - start < budget; runs++) {
            long t0 = System.nanoTime();
            Gemm.matmul(a, b, out);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
