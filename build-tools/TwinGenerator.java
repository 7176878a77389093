import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes every float64 source of dlfs that is its float32 twin but for the type: {@code DoubleX.java} from
 * {@code FloatX.java} beside it, by the word swaps of {@link #SWAPS} and nothing else. The float32 source is the one
 * to edit; its first line names the twin, and becomes the twin's "generated" header.
 *
 * <p>A single-file program, so that the tests of every module with a twin can run it (they are in different Maven
 * modules and share no test code). From the repository root, with JDK 25:
 * <pre>
 * java build-tools/TwinGenerator.java                      writes every twin
 * java build-tools/TwinGenerator.java --check [MODULE...]  exits 1 naming each twin that differs from its source
 * </pre>
 */
public final class TwinGenerator {
    /** The float32 sources with a generated float64 twin, from the repository root. */
    static final List<String> SOURCES = List.of(
            "nn-tensor/src/main/java/dev/dlfs/tensor/FloatElementwise.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/FloatReductions.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/internal/FloatGemm.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/internal/FloatPanelSource.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/fused/FloatOptimizerSteps.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/fused/FloatLossKernels.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/fused/FloatActivations.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/fused/FloatAffine.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/fused/FloatConvolutions.java",
            "nn-tensor/src/main/java/dev/dlfs/tensor/fused/FloatPooling.java");

    /** Pattern and replacement, applied in this order to the whole float32 source. */
    static final String[][] SWAPS = {
        {"\\bFloat(?![a-z])", "Double"},  // Float, FloatVector, FloatMath, FloatSum, the twins' own names
        {"\\bfloat(s?)\\b", "double$1"},  // the primitive, and methods named for it (BlockTranspose.floats)
        {"\\bFLOATS\\b", "DOUBLES"},
        {"\\bfloat32\\b", "float64"},
        {"\\b(\\d+)f\\b", "$1.0"},        // float literals; the sources use whole numbers only
    };

    private TwinGenerator() {
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        List<String> modules = Arrays.asList(args).subList(check ? 1 : 0, args.length);
        for (String module : modules) {
            if (SOURCES.stream().noneMatch(source -> source.startsWith(module + "/"))) {
                // A check of nothing would pass: say so rather than let a test run empty.
                System.out.println("no float64 twins are listed for module " + module);
                System.exit(2);
            }
        }
        List<String> differing = new ArrayList<>();
        for (String source : SOURCES) {
            if (!modules.isEmpty() && modules.stream().noneMatch(module -> source.startsWith(module + "/"))) {
                continue;
            }
            Path from = Path.of(source);
            Path to = from.resolveSibling(twinName(from.getFileName().toString()));
            String text = twin(Files.readString(from, StandardCharsets.UTF_8), from.getFileName().toString());
            if (!check) {
                Files.writeString(to, text, StandardCharsets.UTF_8);
                System.out.println("wrote " + to);
            } else if (!Files.exists(to) || !Files.readString(to, StandardCharsets.UTF_8).equals(text)) {
                differing.add(to.toString());
            }
        }
        for (String file : differing) {
            System.out.println(file + " differs from what build-tools/TwinGenerator.java writes from its float32"
                    + " source: edit that source, run the generator and commit both");
        }
        System.exit(differing.isEmpty() ? 0 : 1);
    }

    private static String twinName(String floatFileName) {
        return floatFileName.replaceFirst("^Float", "Double");
    }

    /** The float64 twin of one float32 source, whose first line must name the twin (so that its reader knows). */
    static String twin(String floatSource, String fileName) {
        String marker = "// " + twinName(fileName)
                + " is generated from this file by build-tools/TwinGenerator.java.\n";
        if (!floatSource.startsWith(marker)) {
            throw new IllegalArgumentException(fileName + " must start with the line: " + marker);
        }
        String out = floatSource.substring(marker.length());
        for (String[] swap : SWAPS) {
            out = out.replaceAll(swap[0], swap[1]);
        }
        return "// Generated from " + fileName + " by build-tools/TwinGenerator.java; do not edit.\n" + out;
    }
}
