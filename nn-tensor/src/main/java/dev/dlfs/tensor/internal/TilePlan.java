package dev.dlfs.tensor.internal;

import java.util.Locale;
import jdk.incubator.vector.FloatVector;

/**
 * The register tiles gemm uses on this machine, chosen once at start-up from the vector width the JVM offers and
 * the register file it implies: a tile of MR rows × NV vectors needs MR·NV accumulators, NV vectors of B and one
 * broadcast of A in registers, and a tile that does not fit is spilled to memory on every step.
 *
 * <ul>
 *   <li>32 registers (x86 with AVX-512, AArch64): main tile 8×3; strips of 1, 2 or 4 vectors use 16×1, 12×2, 6×4.
 *   <li>16 registers (x86 with AVX2 or older): main tile 6×2; strips of 1 vector use 12×1.
 * </ul>
 *
 * <p>On x86 the JVM offers 512-bit vectors only where AVX-512 (and so 32 registers) is in use; narrower vectors are
 * taken as AVX2's 16 registers, which is right on AVX2 machines and only a little slower where AVX-512 was narrowed
 * by flags. The choice can be forced with the system property {@value #REGISTERS_PROPERTY} or the environment
 * variable {@value #REGISTERS_ENV} (16 or 32). The tiles decide speed only: every element of C is summed in the same
 * order whatever the tiles, so results do not change.
 */
public final class TilePlan {
    /** System property forcing the register file size the tiles are fitted to: 16 or 32. */
    public static final String REGISTERS_PROPERTY = "dlfs.gemm.registers";
    /** Environment variable with the same meaning; the system property wins. */
    public static final String REGISTERS_ENV = "DLFS_GEMM_REGISTERS";

    /** The plan of this JVM, or null if the setting is bad (then {@link #SETTING_ERROR} says why). */
    private static final TilePlan CURRENT;
    private static final String SETTING_ERROR;

    static {
        TilePlan plan = null;
        String error = null;
        try {
            plan = choose(System.getProperty(REGISTERS_PROPERTY), System.getenv(REGISTERS_ENV),
                    FloatVector.SPECIES_PREFERRED.vectorBitSize(), System.getProperty("os.arch", ""));
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        CURRENT = plan;
        SETTING_ERROR = error;
    }

    /** Registers the tiles are fitted to. */
    final int registers;
    /** Where that number came from, for the report. */
    final String source;
    /** The kind of the strips that cover wide products. */
    final int mainKind;
    /** Kind for a strip of v vectors, {@code 1 ≤ v ≤ maxVectors}. */
    private final int[] kindByVectors;
    /** Products at most this many vectors wide are covered by one strip. */
    final int maxVectors;
    private final int vectorBits;

    private TilePlan(int registers, String source, int vectorBits) {
        this.registers = registers;
        this.source = source;
        this.vectorBits = vectorBits;
        if (registers >= 32) {
            mainKind = TileKinds.K8X3;
            kindByVectors = new int[] {-1, TileKinds.K16X1, TileKinds.K12X2, TileKinds.K8X3, TileKinds.K6X4};
        } else {
            mainKind = TileKinds.K6X2;
            kindByVectors = new int[] {-1, TileKinds.K12X1, TileKinds.K6X2};
        }
        maxVectors = kindByVectors.length - 1;
    }

    /**
     * The plan of this JVM.
     *
     * @throws IllegalArgumentException naming the setting if the register file size was set to something else
     *     than 16 or 32 (on every call, so the error is the same wherever gemm is first used)
     */
    static TilePlan current() {
        if (CURRENT == null) {
            throw new IllegalArgumentException(SETTING_ERROR);
        }
        return CURRENT;
    }

    /** The kind for a strip {@code vectors} vectors wide ({@code 1 ≤ vectors ≤ maxVectors}). */
    int kindFor(int vectors) {
        return kindByVectors[vectors];
    }

    /**
     * Chooses from an explicit setting (property, then environment) or else from the vector width and architecture.
     *
     * @throws IllegalArgumentException naming the setting if it is not 16 or 32
     */
    static TilePlan choose(String property, String env, int vectorBits, String arch) {
        if (property != null && !property.isBlank()) {
            return new TilePlan(parse(property, "system property " + REGISTERS_PROPERTY), "set by -D"
                    + REGISTERS_PROPERTY, vectorBits);
        }
        if (env != null && !env.isBlank()) {
            return new TilePlan(parse(env, "environment variable " + REGISTERS_ENV), "set by " + REGISTERS_ENV,
                    vectorBits);
        }
        String a = arch.toLowerCase(Locale.ROOT);
        if (a.equals("aarch64") || a.equals("arm64")) {
            return new TilePlan(32, "AArch64", vectorBits);
        }
        if (vectorBits >= 512) {
            return new TilePlan(32, "AVX-512 in use", vectorBits);
        }
        return new TilePlan(16, vectorBits >= 256 ? "AVX2-class vectors" : "narrow vectors", vectorBits);
    }

    private static int parse(String value, String what) {
        String v = value.trim();
        if (v.equals("16") || v.equals("32")) {
            return Integer.parseInt(v);
        }
        throw new IllegalArgumentException(what + " = '" + value + "': the register file size must be 16 or 32");
    }

    /** One line for users: vector width, register file and tiles, e.g. for {@code dlfs info}. */
    public static String describe() {
        return current().toString();
    }

    @Override
    public String toString() {
        StringBuilder edges = new StringBuilder();
        for (int v = 1; v <= maxVectors; v++) {
            int kind = kindByVectors[v];
            if (kind != mainKind) {
                edges.append(edges.isEmpty() ? "" : ", ").append(shape(kind));
            }
        }
        int floats = vectorBits / 32;
        return "gemm: " + vectorBits + "-bit vectors (" + floats + " float32 / " + floats / 2 + " float64 lanes), "
                + registers + " registers (" + source + "); tiles " + shape(mainKind) + ", edges " + edges;
    }

    private static String shape(int kind) {
        return TileKinds.MR[kind] + "×" + TileKinds.NV[kind];
    }
}
