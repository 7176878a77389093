package dev.dlfs.layers.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code DoubleActivations} is exactly what {@code build-tools/TwinGenerator.java} writes from its float32 source. */
class GeneratedSourcesTest {
    @Test
    void float64TwinsAreWhatTheTwinGeneratorWrites() throws IOException, InterruptedException {
        // The generator is a single-file program outside the modules, shared with nn-tensor's tests: run it as one.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process check = new ProcessBuilder(java.toString(), "build-tools/TwinGenerator.java", "--check", "nn-layers")
                .directory(Path.of("..").toFile()).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), report);
    }
}
