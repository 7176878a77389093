package dev.dlfs.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the register tiles are chosen from the machine, and how a user's setting overrides that. */
class TilePlanTest {
    @Test
    void avx512AndAarch64Get32RegisterTilesAndNarrowerX86Gets16() {
        assertEquals(32, TilePlan.choose(null, null, 512, "amd64").registers);
        assertEquals(32, TilePlan.choose(null, null, 128, "aarch64").registers);
        assertEquals(16, TilePlan.choose(null, null, 256, "amd64").registers);
        assertEquals(16, TilePlan.choose(null, null, 128, "x86_64").registers);
        assertEquals(TileKinds.K8X3, TilePlan.choose(null, null, 512, "amd64").mainKind);
        assertEquals(TileKinds.K6X2, TilePlan.choose(null, null, 256, "amd64").mainKind);
    }

    @Test
    void thePropertyWinsOverTheEnvironmentWhichWinsOverDetection() {
        TilePlan byProperty = TilePlan.choose("16", "32", 512, "amd64");
        assertEquals(16, byProperty.registers);
        assertTrue(byProperty.source.contains("dlfs.gemm.registers"), byProperty.source);
        TilePlan byEnv = TilePlan.choose(" ", "32", 256, "amd64");
        assertEquals(32, byEnv.registers);
        assertTrue(byEnv.source.contains("DLFS_GEMM_REGISTERS"), byEnv.source);
    }

    @Test
    void aBadSettingIsRefusedNamingTheSettingAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TilePlan.choose("24", null, 512, "amd64"));
        assertTrue(e.getMessage().contains("dlfs.gemm.registers") && e.getMessage().contains("'24'")
                && e.getMessage().contains("16 or 32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TilePlan.choose(null, "many", 512, "amd64"));
        assertTrue(e.getMessage().contains("DLFS_GEMM_REGISTERS") && e.getMessage().contains("'many'"),
                e.getMessage());
    }

    @Test
    void theReportNamesWidthRegistersSourceAndTiles() {
        String line = TilePlan.choose(null, null, 256, "amd64").toString();
        assertEquals("gemm: 256-bit vectors (8 float32 / 4 float64 lanes), 16 registers (AVX2-class vectors);"
                + " tiles 6×2, edges 12×1", line);
    }
}
