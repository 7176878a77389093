package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same product, same bits on every machine: JVMs with 128-, 256- and 512-bit vectors (and AVX2 on an AVX-512
 * machine), tiles fitted to 16 or 32 registers and one or two threads all compute every element of C alike.
 */
class GemmAcrossMachinesTest {
    /** m, n, k: book shapes, ragged edges, one row or column, and k past one summed block. */
    private static final int[][] SHAPES = {
        {100, 50, 784}, {784, 50, 100}, {100, 784, 50}, {100, 10, 50}, {300, 30, 25}, {1, 257, 33}, {257, 1, 33},
        {57, 1000, 300}, {129, 97, 600}, {13, 64, 7},
    };
    private static final double[][] ALPHA_BETA = {{1, 0}, {-1.25, 0.5}};

    /** Each product's bits, hashed, one line each. */
    static String fingerprints() {
        StringBuilder s = new StringBuilder();
        for (DType dtype : DType.values()) {
            for (int[] shape : SHAPES) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0;
                    boolean tb = (t & 2) != 0;
                    for (double[] ab : ALPHA_BETA) {
                        SplittableRandom rng = new SplittableRandom(31L * shape[0] + shape[1] + 7L * t);
                        Tensor a = Tensor.randn(rng, dtype, ta ? shape[2] : shape[0], ta ? shape[0] : shape[2]);
                        Tensor b = Tensor.randn(rng, dtype, tb ? shape[1] : shape[2], tb ? shape[2] : shape[1]);
                        Tensor c = Tensor.randn(rng, dtype, shape[0], shape[1]);
                        Gemm.gemm(ta, tb, ab[0], a, b, ab[1], c);
                        s.append(dtype).append(' ').append(Arrays.toString(shape)).append(" t").append(t)
                                .append(" α").append(ab[0]).append(' ').append(hash(c)).append('\n');
                    }
                }
            }
        }
        return s.toString();
    }

    private static String hash(Tensor t) {
        long h = 1;
        for (int i = 0; i < t.size(); i++) {
            long bits = t.dtype() == DType.FLOAT32 ? Float.floatToRawIntBits(t.floatArray()[t.offset() + i])
                    : Double.doubleToRawLongBits(t.doubleArray()[t.offset() + i]);
            h = 31 * h + bits;
        }
        return Long.toHexString(h);
    }

    /** Run in a child JVM by the test: prints the fingerprints. */
    public static void main(String[] args) {
        System.out.print(fingerprints());
    }

    @Test
    void everyVectorWidthTileFitAndThreadCountGivesTheSameBits() throws Exception {
        String expected = fingerprints();
        List<List<String>> machines = new ArrayList<>(List.of(
                List.of("-XX:MaxVectorSize=16"),
                List.of("-XX:MaxVectorSize=32"),
                List.of("-XX:MaxVectorSize=16", "-Ddlfs.gemm.registers=32"),
                List.of("-Ddlfs.gemm.registers=16", "-Ddlfs.threads=1"),
                List.of("-Ddlfs.gemm.registers=32", "-Ddlfs.threads=2")));
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo) && Files.readString(cpuinfo).contains(" avx512f")) {
            machines.add(List.of("-XX:UseAVX=2"));
        }
        for (List<String> flags : machines) {
            assertEquals(expected, childOutput(flags), "a JVM with " + flags + " computed other bits");
        }
    }

    /** {@link #main} in a new JVM with the given flags; its output goes through a file so a hang cannot block us. */
    private static String childOutput(List<String> flags) throws Exception {
        List<String> path = new ArrayList<>();
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            path.addAll(List.of(modulePath.split(File.pathSeparator)));
        }
        path.add(System.getProperty("java.class.path"));
        path.add(Path.of(GemmAcrossMachinesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(flags);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp", String.join(File.pathSeparator, path),
                GemmAcrossMachinesTest.class.getName()));
        Path out = Files.createTempFile("gemm-child", ".txt");
        Path err = Files.createTempFile("gemm-child", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the JVM with " + flags + " did not finish in 180 s");
            }
            assertEquals(0, p.exitValue(), () -> "the JVM with " + flags + " failed: " + read(err));
            return read(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
