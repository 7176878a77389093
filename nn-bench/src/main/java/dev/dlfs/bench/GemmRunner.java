package dev.dlfs.bench;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.Parallelism;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A plain timing loop for {@link Gemm}, with the command line and output of the NumPy peer script
 * {@code numpy_gemm.py}, so that both can be run on the same shapes and compared line by line.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp nn-bench/target/benchmarks.jar dev.dlfs.bench.GemmRunner \
 *     --dtype f32 1024x1024x1024 784x50x100:TN
 * </pre>
 *
 * <p>Shapes are {@code MxNxK[:OP]}: C is M×N, the summed dimension K; OP is NN (default), TN (A stored K×M), NT (B
 * stored N×K) or TT. All shapes are first warmed up together (at least {@code --warmup} seconds each, and until
 * none gets faster), then each is timed in {@code --trials} trials of enough calls to last {@code --min-time}
 * seconds; the line gives the median GFLOPS (2·M·N·K per call).
 */
public final class GemmRunner {
    private static final String[] DEFAULT_SHAPES = {
        "1024x1024x1024", "100x50x784", "784x50x100:TN", "100x784x50:NT", "100x10x50", "57600x30x25",
    };

    private GemmRunner() {
    }

    /** One product to time. */
    record Shape(int m, int n, int k, boolean transA, boolean transB) {
        static Shape parse(String spec) {
            String[] parts = spec.split(":", 2);
            String op = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "NN";
            String[] dims = parts[0].toLowerCase(Locale.ROOT).split("x");
            if (dims.length != 3 || !List.of("NN", "TN", "NT", "TT").contains(op)) {
                throw new IllegalArgumentException("shape '" + spec + "' is not MxNxK[:OP] with OP in NN, TN, NT, TT");
            }
            int[] d = new int[3];
            for (int i = 0; i < 3; i++) {
                try {
                    d[i] = Integer.parseInt(dims[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("shape '" + spec + "': '" + dims[i] + "' is not a size", e);
                }
                if (d[i] < 1) {
                    throw new IllegalArgumentException("shape '" + spec + "': sizes must be at least 1");
                }
            }
            return new Shape(d[0], d[1], d[2], op.charAt(0) == 'T', op.charAt(1) == 'T');
        }

        String op() {
            return (transA ? "T" : "N") + (transB ? "T" : "N");
        }

        double flops() {
            return 2.0 * m * n * k;
        }
    }

    public static void main(String[] args) {
        List<String> specs = new ArrayList<>();
        String dtypes = "f32,f64";
        int trials = 5;
        double minTime = 0.2;
        double warmup = 1.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dtype" -> dtypes = value(args, ++i);
                case "--trials" -> trials = Integer.parseInt(value(args, ++i));
                case "--min-time" -> minTime = Double.parseDouble(value(args, ++i));
                case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
                case "--threads" -> Parallelism.setThreads(Integer.parseInt(value(args, ++i)));
                case "--kernels" -> {
                    // The one-line report of the kernels this machine gets, for scripts that time other benchmarks.
                    System.out.println(Gemm.kernels());
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println("usage: GemmRunner [--dtype f32,f64] [--trials 5] [--min-time 0.2] "
                            + "[--warmup 1.0] [--threads N] [MxNxK[:OP] ...] | --kernels");
                    return;
                }
                default -> specs.add(args[i]);
            }
        }
        if (specs.isEmpty()) {
            specs.addAll(Arrays.asList(DEFAULT_SHAPES));
        }
        System.out.printf(Locale.ROOT, "# dlfs gemm, %s %s, %d threads, vector %d bits%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Parallelism.threads(),
                jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize());
        System.out.println("# " + Gemm.kernels());
        List<Case> cases = new ArrayList<>();
        for (String d : dtypes.split(",")) {
            DType dtype = switch (d.trim()) {
                case "f32" -> DType.FLOAT32;
                case "f64" -> DType.FLOAT64;
                default -> throw new IllegalArgumentException("unknown dtype '" + d + "' (use f32 or f64)");
            };
            for (String spec : specs) {
                Shape s = Shape.parse(spec);
                cases.add(new Case(d.trim(), s, call(s, dtype)));
            }
        }
        warmUp(cases, warmup);
        for (Case c : cases) {
            Shape s = c.shape();
            double[] perCall = time(c.call(), trials, minTime);
            double[] gflops = Arrays.stream(perCall).map(t -> s.flops() / t / 1e9).sorted().toArray();
            double[] sortedTimes = perCall.clone();
            Arrays.sort(sortedTimes);
            System.out.printf(Locale.ROOT, "gemm %s %dx%dx%d: %.1f GFLOPS  [%s, best %.1f, %.3f ms per call, "
                            + "%d trials]%n", c.dtype(), s.m, s.n, s.k, median(gflops), s.op(),
                    gflops[gflops.length - 1], 1e3 * median(sortedTimes), trials);
        }
    }

    /** One shape and dtype, with its operands ready. */
    private record Case(String dtype, Shape shape, Runnable call) {
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A call of gemm on random operands of the shape (β = 0, C reused). */
    static Runnable call(Shape s, DType dtype) {
        SplittableRandom rng = new SplittableRandom(0);
        int aLen = s.m * s.k;
        int bLen = s.k * s.n;
        int lda = s.transA ? s.m : s.k;
        int ldb = s.transB ? s.k : s.n;
        if (dtype == DType.FLOAT32) {
            float[] a = new float[aLen];
            float[] b = new float[bLen];
            float[] c = new float[s.m * s.n];
            for (int i = 0; i < aLen; i++) {
                a[i] = (float) rng.nextDouble(-1, 1);
            }
            for (int i = 0; i < bLen; i++) {
                b[i] = (float) rng.nextDouble(-1, 1);
            }
            return () -> Gemm.sgemm(s.transA, s.transB, s.m, s.n, s.k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, s.n);
        }
        double[] a = rng.doubles(aLen, -1, 1).toArray();
        double[] b = rng.doubles(bLen, -1, 1).toArray();
        double[] c = new double[s.m * s.n];
        return () -> Gemm.dgemm(s.transA, s.transB, s.m, s.n, s.k, 1, a, 0, lda, b, 0, ldb, 0, c, 0, s.n);
    }

    /**
     * Warms all cases up together, round by round (50 ms of calls each), as a training loop would: at least
     * {@code warmup} seconds per case, then on until no case got faster for five rounds and the JIT has finished
     * no compilation for ten (C2 has compiled the kernels with every shape seen; until then they run interpreted,
     * many times slower). At most 30 seconds per case.
     */
    static void warmUp(List<Case> cases, double warmup) {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        double[] best = new double[cases.size()];
        Arrays.fill(best, Double.MAX_VALUE);
        int stale = 0;
        int quiet = 0;
        long compiled = jit.getTotalCompilationTime();
        long start = System.nanoTime();
        while (true) {
            boolean improved = false;
            for (int i = 0; i < cases.size(); i++) {
                long b0 = System.nanoTime();
                int batch = 0;
                do {
                    cases.get(i).call().run();
                    batch++;
                } while (System.nanoTime() - b0 < 50_000_000L);
                double perCall = (System.nanoTime() - b0) * 1e-9 / batch;
                improved |= perCall < best[i] * 0.97;
                best[i] = Math.min(best[i], perCall);
            }
            stale = improved ? 0 : stale + 1;
            long nowCompiled = jit.getTotalCompilationTime();
            quiet = nowCompiled == compiled ? quiet + 1 : 0;
            compiled = nowCompiled;
            double perCase = (System.nanoTime() - start) * 1e-9 / cases.size();
            if (perCase >= warmup && stale >= 5 && quiet >= 10 || perCase >= 30) {
                return;
            }
        }
    }

    /** Seconds per call, one entry per trial. */
    static double[] time(Runnable call, int trials, double minTime) {
        long t0 = System.nanoTime();
        call.run();
        double once = Math.max((System.nanoTime() - t0) * 1e-9, 1e-7);
        int calls = (int) Math.max(1, minTime / once);
        double[] perCall = new double[trials];
        for (int t = 0; t < trials; t++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            perCall[t] = (System.nanoTime() - start) * 1e-9 / calls;
        }
        return perCall;
    }
}
