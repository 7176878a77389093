package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party plugin, as a user meets it: the dlfs app started in its own JVM from a module path without the
 * plugin, once with the plugin's jar given by --plugins and once without. (Its own JVM, because the registries are
 * process-wide: a plugin loaded once stays loaded.)
 */
class PluginJarTest {
    private static final Path HOME = Path.of(System.getProperty("dlfs.home", ".."));
    private static final Path CONFIG = HOME.resolve("nn-plugin-sample/examples/swish-net.yaml");
    private static final Path PLUGINS = Path.of(System.getProperty("dlfs.test.plugins", "target/test-plugins"));

    @TempDir
    Path dir;

    private ForkedDlfs.Result dlfs(String... args) throws Exception {
        return ForkedDlfs.run(dir, args);
    }

    @Test
    void withoutThePluginTheErrorNamesTheTypeAndListsTheKnownOnes() throws Exception {
        ForkedDlfs.Result r = dlfs("train", CONFIG.toString(), "--out", dir.resolve("run").toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("swish-net.yaml:8:12: layers[1].type: unknown layer type 'swish'; known layer"
                + " types: affine, "), r.err());
        assertTrue(r.err().contains("--plugins"), "the hint should point to --plugins: " + r.err());
        assertFalse(r.err().contains("\tat "), "stack trace without --verbose: " + r.err());
        assertFalse(Files.exists(dir.resolve("run/checkpoint.npz")));
    }

    @Test
    void withThePluginJarTheSameConfigurationTrains() throws Exception {
        ForkedDlfs.Result r = dlfs("--plugins", PLUGINS.toString(), "train", CONFIG.toString(), "--epochs", "40",
                "--out", dir.resolve("run").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Files.isRegularFile(dir.resolve("run/checkpoint.npz")), r.out());
        // Swish + Leaky ReLU + Lion learn the two spirals (a straight line gets about 0.65).
        var m = java.util.regex.Pattern.compile("test accuracy (\\d\\.\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 0.9, r.out());
    }

    @Test
    void dlfsPluginsInTheEnvironmentWorksLikeThePluginsOption() throws Exception {
        ForkedDlfs.Result r = ForkedDlfs.run(dir, java.util.Map.of("DLFS_PLUGINS", PLUGINS.toString()),
                java.util.List.of(), "plugins");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*\\n  swish +com\\.example\\.dlfs\\.plugin .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  lion +com\\.example\\.dlfs\\.plugin .*"), r.out());
        ForkedDlfs.Result trained = ForkedDlfs.run(dir, java.util.Map.of("DLFS_PLUGINS", PLUGINS.toString()),
                java.util.List.of(), "train", CONFIG.toString(), "--epochs", "2", "--out", dir.resolve("run").toString());
        assertEquals(0, trained.exitCode(), trained.out() + trained.err());
        assertTrue(Files.isRegularFile(dir.resolve("run/checkpoint.npz")), trained.out());
    }

    @Test
    void thePluginsCommandListsThePluginsProvidersWithTheirModule() throws Exception {
        ForkedDlfs.Result r = dlfs("--plugins", PLUGINS.toString(), "plugins");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*\\n  swish +com\\.example\\.dlfs\\.plugin .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  leaky-relu +com\\.example\\.dlfs\\.plugin .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  lion +com\\.example\\.dlfs\\.plugin .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  affine +dev\\.dlfs\\.layers .*"), r.out());
    }
}
