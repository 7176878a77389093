package dev.dlfs.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The committed generated sources are exactly what their generators write today: {@link KernelGenerator} for the
 * gemm kernels, {@code build-tools/TwinGenerator.java} for the float64 twins of float32 sources.
 */
class GeneratedSourcesTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void committedGeneratedSourcesMatchTheGenerator() throws IOException {
        Map<String, String> expected = KernelGenerator.sources();
        assertTrue(expected.size() >= 3, "the generator writes the float32 and float64 kernels and the tile table");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = MAIN.resolve(KernelGenerator.PACKAGE_DIR + e.getKey());
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(e.getValue(), committed, file + " differs from what KernelGenerator writes: run it (see its"
                    + " class comment) and commit the result instead of editing the file");
        }
    }

    @Test
    void float64TwinsAreWhatTheTwinGeneratorWrites() throws IOException, InterruptedException {
        // The generator is a single-file program outside the modules, shared with nn-layers' tests: run it as one.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Its report goes to a file, not a pipe read to the end first, so that the time limit can fire.
        Path log = Files.createTempFile("twin-generator", ".txt");
        try {
            Process check = new ProcessBuilder(java.toString(), "build-tools/TwinGenerator.java", "--check",
                    "nn-tensor").directory(Path.of("..").toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!check.waitFor(300, TimeUnit.SECONDS)) {
                check.destroyForcibly().waitFor();
                throw new AssertionError("TwinGenerator --check did not finish in 300 s:\n" + Files.readString(log));
            }
            assertEquals(0, check.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void everyShapeFitsTheRegisterFileItIsPlannedFor() {
        for (int registers : new int[] {16, 32}) {
            TilePlan plan = TilePlan.choose(String.valueOf(registers), null, 256, "amd64");
            for (int v = 1; v <= plan.maxVectors; v++) {
                int kind = plan.kindFor(v);
                int needed = TileKinds.MR[kind] * TileKinds.NV[kind] + TileKinds.NV[kind] + 1;
                assertTrue(needed <= registers, TileKinds.MR[kind] + "x" + TileKinds.NV[kind] + " needs " + needed
                        + " registers, more than " + registers);
                assertTrue(TileKinds.NV[kind] >= v, "a strip of " + v + " vectors got a narrower tile");
            }
        }
    }
}
