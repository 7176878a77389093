package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same bits on every CPU: the same training runs in JVMs limited to 128-bit and 256-bit vectors (and, on
 * an AVX-512 machine, to AVX2 instructions) save byte for byte the checkpoints and losses of a JVM at its native
 * width. Every run gets a fresh JVM, so that the runs differ in nothing but the flags.
 */
class CrossWidthTrainingTest {
    private static final long CHILD_SECONDS = 300;

    @Test
    void checkpointsAreTheSameAtEveryVectorWidth(@TempDir Path dir) throws Exception {
        Map<String, List<String>> widths = new LinkedHashMap<>();
        widths.put("native", List.of());
        widths.put("256-bit", List.of("-XX:MaxVectorSize=32"));
        widths.put("128-bit", List.of("-XX:MaxVectorSize=16"));
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo) && Files.readString(cpuinfo).contains("avx512f")) {
            widths.put("AVX2", List.of("-XX:UseAVX=2"));
        }
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (var w : widths.entrySet()) {
            Path out = Files.createDirectory(dir.resolve(w.getKey()));
            ChildJvm.run(CrossWidthRun.class, w.getValue(), List.of(out.toString()), dir.resolve(w.getKey() + ".log"),
                    CHILD_SECONDS);
            outputs.put(w.getKey(), out);
        }
        assertEquals("4 2", Files.readString(outputs.get("128-bit").resolve("lanes")),
                "-XX:MaxVectorSize=16 gives 4 float and 2 double lanes");
        assertTrue(lanes(outputs.get("256-bit")) <= 8, "-XX:MaxVectorSize=32 gives at most 8 float lanes");

        Path reference = outputs.get("native");
        List<String> differences = new ArrayList<>();
        for (var w : outputs.entrySet()) {
            for (String name : CrossWidthRun.names()) {
                for (String file : List.of(name + ".npz", name + ".losses")) {
                    byte[] expected = Files.readAllBytes(reference.resolve(file));
                    if (!Arrays.equals(expected, Files.readAllBytes(w.getValue().resolve(file)))) {
                        differences.add(file + " at " + w.getKey() + " (lanes "
                                + Files.readString(w.getValue().resolve("lanes")) + ")");
                    }
                }
            }
        }
        if (!differences.isEmpty()) {
            fail("differ from the native width (lanes " + Files.readString(reference.resolve("lanes")) + "): "
                    + differences);
        }
    }

    private static int lanes(Path out) throws Exception {
        return Integer.parseInt(Files.readString(out.resolve("lanes")).split(" ")[0]);
    }
}
