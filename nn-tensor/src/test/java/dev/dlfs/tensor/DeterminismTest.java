package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Same inputs, same bits, however far the JIT has got and however wide the vectors: the transcendental ops, softmax,
 * pow, sums and matrix products give identical results on their first (cold) call, after thousands of calls (compiled by C2), in JVMs
 * that only interpret or only use C1, and in JVMs limited to 128-bit or 256-bit vectors. Vector {@code EXP} and
 * friends fail this: their compiled form rounds differently; so do sums whose partials follow the lanes.
 */
class DeterminismTest {
    private static final int N = 4_099;     // no multiple of a vector length: tails take part
    private static boolean warm;

    /** Each op on fixed random inputs, in both dtypes, by name. */
    static Map<String, Tensor> results() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (DType dtype : DType.values()) {
            out.put("exp " + dtype, uniform(1, dtype, -90, 90, N).exp());
            out.put("log " + dtype, uniform(2, dtype, -90, 90, N).exp().log());
            out.put("tanh " + dtype, uniform(3, dtype, -12, 12, N).tanh());
            out.put("sigmoid " + dtype, uniform(4, dtype, -40, 40, N).sigmoid());
            Tensor scores = uniform(5, dtype, -30, 30, 37, 111);
            out.put("softmax " + dtype, scores.softmax());
            out.put("sum " + dtype, scores.sum(1));
            out.put("sumAll " + dtype, Tensor.of(new double[] {scores.sumAll()}).to(dtype));
            out.put("pow " + dtype, uniform(6, dtype, 0.1, 10, N).pow(uniform(7, dtype, -3, 3, N)));
            out.put("small matmul " + dtype, uniform(8, dtype, -1, 1, 7, 13).matmul(uniform(9, dtype, -1, 1, 13, 5)));
            out.put("matmul " + dtype, uniform(10, dtype, -1, 1, 37, 157).matmul(uniform(11, dtype, -1, 1, 157, 41)));
        }
        return out;
    }

    private static Tensor uniform(long seed, DType dtype, double lo, double hi, int... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Tensor.of(v, shape).to(dtype);
    }

    /** Every result's bits, hashed, one line per op: what a separate JVM reports back. */
    static String fingerprints(Map<String, Tensor> results) {
        StringBuilder s = new StringBuilder();
        results.forEach((name, t) -> {
            long[] bits = new long[t.size()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = t.dtype() == DType.FLOAT32 ? Float.floatToRawIntBits(t.floatArray()[t.offset() + i])
                        : Double.doubleToRawLongBits(t.doubleArray()[t.offset() + i]);
            }
            s.append(name).append(' ').append(Long.toHexString(Arrays.hashCode(bits))).append('\n');
        });
        return s.toString();
    }

    /** Run in a child JVM by the test: prints the fingerprints. */
    public static void main(String[] args) {
        System.out.print(fingerprints(results()));
    }

    @Test
    void firstCallsAndCompiledCallsGiveTheSameBits() {
        Map<String, Tensor> cold = results();
        warmUp();
        Map<String, Tensor> warm = results();
        for (String name : cold.keySet()) {
            assertTrue(bitwiseEqual(cold.get(name), warm.get(name)), name + " changed once compiled");
        }
    }

    @Test
    void interpretedAndC1OnlyJvmsGiveTheSameBits() throws Exception {
        warmUp();
        String expected = fingerprints(results());
        for (String mode : List.of("-Xint", "-XX:TieredStopAtLevel=1")) {
            assertEquals(expected, childFingerprints(mode), "a JVM with " + mode + " computed other bits");
        }
    }

    @Test
    void narrowerVectorsGiveTheSameBits() throws Exception {
        warmUp();
        String expected = fingerprints(results());
        for (String mode : List.of("-XX:MaxVectorSize=16", "-XX:MaxVectorSize=32")) {
            assertEquals(expected, childFingerprints(mode), "a JVM with " + mode + " computed other bits");
        }
    }

    /**
     * Many calls on short rows, so that C2 compiles every kernel with its tail, then on long ones, so that it also
     * compiles the vector loops as hot code (only then did vector {@code EXP} switch to its other rounding).
     */
    private static synchronized void warmUp() {
        if (warm) {
            return;
        }
        List<UnaryOperator<Tensor>> ops = List.of(Tensor::exp, Tensor::log, Tensor::tanh, Tensor::sigmoid,
                Tensor::softmax, t -> t.sum(0), t -> t.pow(t));
        for (int i = 0; i < 20_000; i++) {
            DType dtype = DType.values()[i % 2];
            Tensor x = uniform(i, dtype, 0.5, 3, 1 + i % 41);
            ops.get(i % ops.size()).apply(x);
        }
        for (int i = 0; i < 100; i++) {
            results();
        }
        warm = true;
    }

    private static boolean bitwiseEqual(Tensor a, Tensor b) {
        for (int i = 0; i < a.size(); i++) {
            long x = a.dtype() == DType.FLOAT32 ? Float.floatToRawIntBits(a.floatArray()[a.offset() + i])
                    : Double.doubleToRawLongBits(a.doubleArray()[a.offset() + i]);
            long y = b.dtype() == DType.FLOAT32 ? Float.floatToRawIntBits(b.floatArray()[b.offset() + i])
                    : Double.doubleToRawLongBits(b.doubleArray()[b.offset() + i]);
            if (x != y) {
                return false;
            }
        }
        return a.size() == b.size();
    }

    /**
     * {@link #main} in a new JVM with the given flag, on a class path of this module's classes and tests. Its output
     * goes to a file, so that it cannot block on a full pipe before the time limit applies.
     */
    private static String childFingerprints(String flag) throws Exception {
        List<String> path = new ArrayList<>();
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            path.addAll(List.of(modulePath.split(File.pathSeparator)));
        }
        path.add(System.getProperty("java.class.path"));
        path.add(ownLocation());
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = Files.createTempFile("determinism", ".txt");
        try {
            Process p = new ProcessBuilder(java, flag, "--add-modules", "jdk.incubator.vector",
                    "-cp", String.join(File.pathSeparator, path), DeterminismTest.class.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("the " + flag + " JVM did not finish in 120 s");
            }
            assertEquals(0, p.exitValue(), "the " + flag + " JVM failed; class path " + path);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String ownLocation() throws URISyntaxException {
        return Path.of(DeterminismTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
