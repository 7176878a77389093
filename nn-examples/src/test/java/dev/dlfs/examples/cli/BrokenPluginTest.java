package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that are broken, as a user meets them: real jars made here, loaded with --plugins by the dlfs app in its
 * own JVM (the registries are process-wide). A broken provider is named with its jar and class, without a stack
 * trace unless --verbose is given; the others load, and a run that does not use it works.
 */
class BrokenPluginTest {
    private static final Path SAMPLE = Path.of(System.getProperty("dlfs.test.plugins", "target/test-plugins"));
    private static final String IMPORTS = """
            package PACKAGE;

            import dev.dlfs.layers.Layer;
            import dev.dlfs.layers.LayerContext;
            import dev.dlfs.layers.LayerProvider;
            import dev.dlfs.tensor.spi.Options;
            import java.util.Set;

            """;

    @TempDir
    static Path dir;
    /** Every broken jar, and the sample plugin's working one. */
    static Path mixed;
    static Path throwingJar;
    static Path nonsenseJar;
    static Path badServicesJar;
    /** Only a provider that returns null from create. */
    static Path hollow;
    static Path hollowJar;
    static Path spirals;

    @BeforeAll
    static void buildTheJars() throws Exception {
        mixed = Files.createDirectories(dir.resolve("mixed"));
        hollow = Files.createDirectories(dir.resolve("hollow"));
        throwingJar = PluginJars.build(mixed.resolve("throwing.jar"), Map.of(
                "module-info.java", "module broken.throwing { requires dev.dlfs.layers;"
                        + " provides dev.dlfs.layers.LayerProvider with throwing.LicensedLayers; }",
                "throwing/LicensedLayers.java", IMPORTS.replace("PACKAGE", "throwing") + """
                        public final class LicensedLayers implements LayerProvider {
                            public LicensedLayers() {
                                throw new IllegalStateException("licence file licensed.lic not found");
                            }
                            public Set<String> names() { return Set.of("licensed"); }
                            public Layer create(String name, Options options, LayerContext context) { return null; }
                        }
                        """));
        nonsenseJar = PluginJars.build(mixed.resolve("nonsense.jar"), Map.of(
                "module-info.java", "module broken.nonsense { requires dev.dlfs.layers; provides"
                        + " dev.dlfs.layers.LayerProvider with nonsense.BlankLayers, nonsense.AffineLayers; }",
                "nonsense/BlankLayers.java", IMPORTS.replace("PACKAGE", "nonsense") + """
                        public final class BlankLayers implements LayerProvider {
                            public Set<String> names() { return Set.of(" "); }
                            public Layer create(String name, Options options, LayerContext context) { return null; }
                        }
                        """,
                "nonsense/AffineLayers.java", IMPORTS.replace("PACKAGE", "nonsense") + """
                        public final class AffineLayers implements LayerProvider {
                            public Set<String> names() { return Set.of("affine", "affine-too"); }
                            public Layer create(String name, Options options, LayerContext context) { return null; }
                        }
                        """));
        // A plain jar whose service list names a class it does not hold.
        badServicesJar = PluginJars.build(mixed.resolve("bad-services.jar"), Map.of(
                "META-INF/services/dev.dlfs.layers.LayerProvider", "nowhere.MissingLayers\n",
                "nowhere/readme.txt", "no classes here\n"));
        Files.copy(sampleJar(), mixed.resolve("sample.jar"));
        hollowJar = PluginJars.build(hollow.resolve("hollow.jar"), Map.of(
                "module-info.java", "module broken.hollow { requires dev.dlfs.layers;"
                        + " provides dev.dlfs.layers.LayerProvider with hollow.HollowLayers; }",
                "hollow/HollowLayers.java", IMPORTS.replace("PACKAGE", "hollow") + """
                        public final class HollowLayers implements LayerProvider {
                            public Set<String> names() { return Set.of("hollow"); }
                            public Layer create(String name, Options options, LayerContext context) { return null; }
                        }
                        """));
        spirals = dir.resolve("spirals.yaml");
        Files.writeString(spirals, TrainEvalPredictTest.SPIRALS);
    }

    private static Path sampleJar() throws Exception {
        try (var jars = Files.list(SAMPLE)) {
            return jars.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    private static ForkedDlfs.Result dlfs(String... args) throws Exception {
        return ForkedDlfs.run(dir, args);
    }

    @Test
    void thePluginsCommandListsEachBrokenProviderWithItsJarAndGoesOn() throws Exception {
        ForkedDlfs.Result r = dlfs("--plugins", mixed.toString(), "plugins");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(r.err().contains("\tat "), "stack trace without --verbose:\n" + r);
        String out = r.out();
        assertTrue(out.contains("  BROKEN throwing.LicensedLayers (" + throwingJar + "): could not be instantiated:"
                + " IllegalStateException: licence file licensed.lic not found\n"), out);
        assertTrue(out.contains("  BROKEN nonsense.BlankLayers (" + nonsenseJar + "): IllegalArgumentException:"
                + " nonsense.BlankLayers claims the layer type name ' '; "), out);
        assertTrue(out.contains("  BROKEN nonsense.AffineLayers (" + nonsenseJar + "): IllegalStateException: layer type"
                + " 'affine' is claimed by two providers: dev.dlfs.layers."), out);
        assertTrue(out.contains("Plugin jars that could not be read (1):\n  " + badServicesJar + ": cannot be read as"
                + " a module: "), out);
        assertTrue(out.contains("nowhere.MissingLayers"), out);
        assertTrue(out.contains("4 broken plugin(s) left out: run with --verbose for their stack traces."), out);
        // The sample plugin loads, and the built-in affine keeps its name.
        assertTrue(Pattern.compile("(?m)^  swish +com\\.example\\.dlfs\\.plugin ").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^  affine +dev\\.dlfs\\.layers ").matcher(out).find(), out);
        assertFalse(out.contains("affine-too"), "a refused provider registered a name:\n" + out);
    }

    @Test
    void withVerboseTheStackTracesAreShownToo() throws Exception {
        ForkedDlfs.Result r = dlfs("--verbose", "--plugins", mixed.toString(), "plugins");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("java.lang.IllegalStateException: licence file licensed.lic not found")
                && r.err().contains("\tat broken.throwing/throwing.LicensedLayers.<init>"), r.err());
    }

    @Test
    void aRunThatUsesNoBrokenPluginWorksAndIsWarnedInOneLineEach() throws Exception {
        Path out = dir.resolve("run");
        ForkedDlfs.Result r = dlfs("--plugins", mixed.toString(), "train", spirals.toString(), "--epochs", "1",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isRegularFile(out.resolve("checkpoint.npz")), r.toString());
        assertFalse(r.err().contains("\tat "), "stack trace without --verbose:\n" + r);
        assertTrue(r.err().contains("dlfs: warning: left out the broken layer type provider throwing.LicensedLayers ("
                + throwingJar + "): could not be instantiated: IllegalStateException: licence file licensed.lic not"
                + " found. 'dlfs plugins' lists what loaded.\n"), r.err());
        assertTrue(r.err().contains("dlfs: warning: left out the plugin jar " + badServicesJar + ": cannot be read as a module: "),
                r.err());
        assertEquals(4, r.err().lines().filter(l -> l.startsWith("dlfs: warning: ")).count(), r.err());
    }

    @Test
    void aConfigurationUsingAProviderThatFailedToLoadNamesItWhereItIsUsed() throws Exception {
        Path uses = dir.resolve("licensed.yaml");
        Files.writeString(uses, TrainEvalPredictTest.SPIRALS.replace("type: relu", "type: licensed"));
        ForkedDlfs.Result r = dlfs("--plugins", throwingJar.toString(), "summary", uses.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
        String error = r.err().lines().filter(l -> l.startsWith("dlfs summary: ")).findFirst().orElse("");
        assertTrue(error.startsWith("dlfs summary: " + uses + ":5:12: layers[1].type: unknown layer type 'licensed';"),
                r.err());
        assertTrue(error.endsWith("It may be what the plugin that failed to load provides: ask its author to fix it;"
                + " 'dlfs plugins --verbose' shows why it failed."), r.err());
        assertTrue(error.contains("(1 provider(s) failed to load: throwing.LicensedLayers (" + throwingJar + "): could"
                + " not be instantiated: IllegalStateException: licence file licensed.lic not found)"), r.err());
    }

    @Test
    void aProviderReturningNullIsTheProvidersFaultWithItsJarAndClassNotABugInDlfs() throws Exception {
        Path uses = dir.resolve("hollow.yaml");
        Files.writeString(uses, TrainEvalPredictTest.SPIRALS.replace("type: relu", "type: hollow"));
        ForkedDlfs.Result r = dlfs("--plugins", hollow.toString(), "train", uses.toString(), "--out",
                dir.resolve("hollow-run").toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("dlfs train: " + uses + ":5:5: layers[1]: layer 'hollow' with input shape (24,): layer type"
                + " provider hollow.HollowLayers (" + hollowJar + "): returned null for layer 'hollow'. The plugin is"
                + " at fault: report it to its author with the output of --verbose, or leave its jar out of --plugins"
                + " and DLFS_PLUGINS.", r.dlfsErr().strip());
        assertFalse(Files.exists(dir.resolve("hollow-run")), "an output folder was left behind");
    }
}
