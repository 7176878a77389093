package dev.dlfs.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed generated sources are exactly what {@link KernelGenerator} writes today. */
class GeneratedSourcesTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void committedGeneratedSourcesMatchTheGenerator() throws IOException {
        Map<String, String> expected = KernelGenerator.sources(MAIN);
        assertTrue(expected.size() >= 4, "the generator writes the kernels, the tile table and the float64 gemm");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = MAIN.resolve(KernelGenerator.PACKAGE_DIR + e.getKey());
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(e.getValue(), committed, file + " differs from what KernelGenerator writes: run it (see its"
                    + " class comment) and commit the result instead of editing the file");
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
