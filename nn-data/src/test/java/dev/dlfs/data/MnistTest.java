package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.LocalHttpServer.Reply;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST loading on small files in MNIST's layout that the test writes itself (the real data: MnistRealDataTest). */
class MnistTest {
    private static final int H = 4;
    private static final int W = 3;

    @TempDir
    Path root;

    /** Labels of sample i: (i + offset) mod 10. */
    private static int[] labels(int n, int offset) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i + offset) % 10;
        }
        return y;
    }

    private static Map<String, byte[]> files(int train, int test) {
        return Map.of(MnistKind.TRAIN_IMAGES, IdxBytes.images(train, H, W),
                MnistKind.TRAIN_LABELS, IdxBytes.labels(labels(train, 0)),
                MnistKind.TEST_IMAGES, IdxBytes.images(test, H, W),
                MnistKind.TEST_LABELS, IdxBytes.labels(labels(test, 3)));
    }

    private static Path writeDir(Path dir, int train, int test, boolean gzip) throws IOException {
        for (var e : files(train, test).entrySet()) {
            IdxBytes.write(dir.resolve(e.getKey() + (gzip ? ".gz" : "")), gzip ? IdxBytes.gzip(e.getValue()) : e.getValue());
        }
        return dir;
    }

    private static Map<String, String> checksums(int train, int test) {
        Map<String, String> out = new HashMap<>();
        files(train, test).forEach((k, v) -> out.put(k, IdxBytes.sha256(v)));
        return out;
    }

    private static final MnistOptions UNVERIFIED = MnistOptions.DEFAULT.withVerify(false);

    /** The controlled part of the search (explicit dir, DLFS_DATA, home); the system locations are left out. */
    private DatasetLocations where(Path explicit, Map<String, String> env) {
        DatasetLocations all = DatasetLocations.of("mnist", explicit, env, root.resolve("home"));
        return new DatasetLocations(all.locations().subList(0, 3), all.downloadDir());
    }

    private DataSplit load(DatasetLocations where, ImageFormat format, MnistOptions options) throws IOException {
        return Mnist.load(MnistKind.MNIST, format, options, where, List.of(), MnistKind.MNIST.sha256());
    }

    @Test
    void searchOrderIsExplicitDirThenDlfsDataThenHomeThenSystem() {
        Path home = root.resolve("home");
        DatasetLocations w = DatasetLocations.of("fashion-mnist", root.resolve("x"), Map.of("DLFS_DATA", "/data"),
                home);
        assertEquals(List.of(root.resolve("x"), Path.of("/data/fashion-mnist"),
                        home.resolve(".dlfs/datasets/fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist"),
                        Path.of("/usr/local/share/datasets/fashion-mnist")),
                w.locations().stream().map(DatasetLocations.Location::dir).toList());
        assertEquals(root.resolve("x"), w.downloadDir());

        DatasetLocations noEnv = DatasetLocations.of("mnist", null, Map.of(), home);
        assertNull(noEnv.locations().get(0).dir());
        assertEquals("DLFS_DATA (not set)", noEnv.locations().get(0).origin());
        assertEquals(home.resolve(".dlfs/datasets/mnist"), noEnv.downloadDir());
        assertEquals(Path.of("/data/mnist"),
                DatasetLocations.of("mnist", null, Map.of("DLFS_DATA", "/data"), home).downloadDir());
    }

    @Test
    void theFirstCompleteDirectoryWins() throws IOException {
        Path explicit = writeDir(root.resolve("explicit"), 5, 2, false);
        Path env = root.resolve("env");
        writeDir(env.resolve("mnist"), 6, 2, true);
        writeDir(root.resolve("home/.dlfs/datasets/mnist"), 7, 2, false);
        Map<String, String> vars = Map.of("DLFS_DATA", env.toString());

        assertEquals(5, load(where(explicit, vars), ImageFormat.BOOK, UNVERIFIED).train().size());
        assertEquals(6, load(where(null, vars), ImageFormat.BOOK, UNVERIFIED).train().size());
        assertEquals(7, load(where(null, Map.of()), ImageFormat.BOOK, UNVERIFIED).train().size());

        Files.delete(explicit.resolve(MnistKind.TEST_LABELS));
        assertEquals(6, load(where(explicit, vars), ImageFormat.BOOK, UNVERIFIED).train().size(),
                "an incomplete directory is passed over");
    }

    @Test
    void notFoundNamesEveryPlaceInOrderAndWhatItLacked() throws IOException {
        Path explicit = root.resolve("explicit");
        IdxBytes.write(explicit.resolve(MnistKind.TRAIN_IMAGES + ".gz"), IdxBytes.gzip(IdxBytes.images(1, H, W)));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> load(where(explicit, Map.of()), ImageFormat.BOOK, UNVERIFIED));
        String m = e.getMessage();
        int a = m.indexOf(explicit + " (the given directory): missing train-labels-idx1-ubyte[.gz], "
                + "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]");
        int b = m.indexOf("DLFS_DATA (not set)");
        int c = m.indexOf(root.resolve("home/.dlfs/datasets/mnist") + " (the user's data directory): no such directory");
        assertTrue(a > 0 && b > a && c > b, m);
        assertTrue(m.contains("scripts/fetch-mnist.sh") && m.contains("download: true"), m);
    }

    @Test
    void theTestSetAloneIsTheSplitsTestSetAndLeavesTheTrainFilesUnread() throws IOException {
        Path dir = writeDir(root.resolve("d"), 5, 3, false);
        ImageFormat format = ImageFormat.BOOK.withOneHot(true);
        DataSplit split = load(where(dir, Map.of()), format, UNVERIFIED);
        Files.write(dir.resolve(MnistKind.TRAIN_IMAGES), new byte[] {1, 2, 3});   // no longer an IDX file
        assertThrows(MalformedDataException.class, () -> load(where(dir, Map.of()), format, UNVERIFIED));
        Dataset test = Mnist.loadTest(MnistKind.MNIST, format, UNVERIFIED, where(dir, Map.of()), List.of(),
                MnistKind.MNIST.sha256());
        assertEquals(split.test().x(), test.x());
        assertEquals(split.test().t(), test.t());
        assertEquals(split.test().name(), test.name());
        assertEquals(3, test.size());
    }

    @Test
    void rawAndGzipFilesMixAndGiveTheSameData() throws IOException {
        Path raw = writeDir(root.resolve("raw"), 5, 3, false);
        Path mixed = writeDir(root.resolve("mixed"), 5, 3, true);
        Files.move(raw.resolve(MnistKind.TEST_IMAGES), mixed.resolve(MnistKind.TEST_IMAGES));
        Files.delete(mixed.resolve(MnistKind.TEST_IMAGES + ".gz"));
        DataSplit a = load(where(writeDir(root.resolve("raw2"), 5, 3, false), Map.of()), ImageFormat.BOOK, UNVERIFIED);
        DataSplit b = load(where(mixed, Map.of()), ImageFormat.BOOK, UNVERIFIED);
        assertEquals(a.train().x(), b.train().x());
        assertEquals(a.test().x(), b.test().x());
        assertEquals(a.test().t(), b.test().t());
    }

    @Test
    void bookOptionsLayOutPixelsAndLabels() throws IOException {
        DatasetLocations w = where(writeDir(root.resolve("d"), 5, 3, false), Map.of());

        Dataset book = load(w, ImageFormat.BOOK, UNVERIFIED).train();
        assertEquals("mnist/train", book.name());
        assertArrayEquals(new int[] {5, H * W}, book.x().shape());
        assertArrayEquals(new int[] {5}, book.t().shape());
        assertEquals(DType.FLOAT32, book.x().dtype());
        assertEquals(10, book.classes());
        for (int i = 0; i < 5; i++) {
            assertEquals(i % 10, (int) book.t().getFlat(i));
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    assertEquals(IdxBytes.pixel(i, r, c) / 255f, (float) book.x().get(i, r * W + c));
                }
            }
        }

        Dataset images = load(w, new ImageFormat(false, false, true, DType.FLOAT64), UNVERIFIED).test();
        assertArrayEquals(new int[] {3, 1, H, W}, images.x().shape());
        assertArrayEquals(new int[] {3, 10}, images.t().shape());
        assertEquals(DType.FLOAT64, images.t().dtype());
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 10; k++) {
                assertEquals(k == (i + 3) % 10 ? 1.0 : 0.0, images.t().get(i, k));
            }
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    assertEquals(IdxBytes.pixel(i, r, c), images.x().get(i, 0, r, c));
                }
            }
        }
    }

    @Test
    void mismatchedCountsAndOutOfRangeLabelsAreRefused() throws IOException {
        Path d = writeDir(root.resolve("d"), 5, 3, false);
        IdxBytes.write(d.resolve(MnistKind.TRAIN_LABELS), IdxBytes.labels(1, 2, 3, 4));
        MalformedDataException count = assertThrows(MalformedDataException.class,
                () -> load(where(d, Map.of()), ImageFormat.BOOK, UNVERIFIED));
        assertTrue(count.getMessage().contains("count mismatch: " + d.resolve(MnistKind.TRAIN_IMAGES) + " holds 5 "
                + "images, " + d.resolve(MnistKind.TRAIN_LABELS) + " holds 4 labels"), count.getMessage());

        IdxBytes.write(d.resolve(MnistKind.TRAIN_LABELS), IdxBytes.labels(1, 2, 10, 4, 5));
        MalformedDataException range = assertThrows(MalformedDataException.class,
                () -> load(where(d, Map.of()), ImageFormat.BOOK, UNVERIFIED));
        assertTrue(range.getMessage().contains("label 10 at index 2 is out of range [0, 10)"), range.getMessage());
    }

    @Test
    void verificationRefusesFilesThatAreNotThePublishedOnes() throws IOException {
        Path d = writeDir(root.resolve("d"), 5, 3, false);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> load(where(d, Map.of()), ImageFormat.BOOK, MnistOptions.DEFAULT));
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains(MnistKind.MNIST.sha256()
                .get(MnistKind.TRAIN_IMAGES)), e.getMessage());
        DataSplit ok = Mnist.load(MnistKind.MNIST, ImageFormat.BOOK, MnistOptions.DEFAULT, where(d, Map.of()),
                List.of(), checksums(5, 3));
        assertEquals(5, ok.train().size());
    }

    @Test
    void downloadIsOptInAndFetchesOnlyWhatIsMissing() throws IOException {
        Path target = root.resolve("target");
        try (LocalHttpServer server = new LocalHttpServer()) {
            files(5, 3).forEach((name, raw) -> server.put("/m/" + name + ".gz", Reply.ok(IdxBytes.gzip(raw))));
            List<URI> mirrors = List.of(server.mirror("m"));

            assertThrows(DatasetNotFoundException.class, () -> Mnist.load(MnistKind.MNIST, ImageFormat.BOOK,
                    MnistOptions.DEFAULT, where(target, Map.of()), mirrors, checksums(5, 3)));
            assertEquals(List.of(), server.requests(), "no download unless asked for");

            IdxBytes.write(target.resolve(MnistKind.TEST_LABELS), files(5, 3).get(MnistKind.TEST_LABELS));
            MnistOptions download = MnistOptions.DEFAULT.withDownload(true);
            DataSplit got = Mnist.load(MnistKind.MNIST, ImageFormat.BOOK, download, where(target, Map.of()), mirrors,
                    checksums(5, 3));
            assertEquals(3, server.requests().size(), "the three missing files, each once");
            assertTrue(Files.isRegularFile(target.resolve(MnistKind.TRAIN_IMAGES + ".gz")));

            DataSplit local = load(where(target, Map.of()), ImageFormat.BOOK, UNVERIFIED);
            assertEquals(3, server.requests().size(), "present files are not fetched again");
            Tensor x = got.train().x();
            assertEquals(local.train().x(), x);
            assertEquals(5, got.train().size());
        }
    }

    @Test
    void mirrorsComeFromOptionsThenEnvironmentThenDefaults() {
        URI a = URI.create("http://a.example/mnist/");
        assertEquals(List.of(a), Mnist.mirrors(MnistKind.MNIST, MnistOptions.DEFAULT.withMirrors(List.of(a)),
                Map.of("DLFS_MNIST_MIRRORS", "http://b.example/")));
        assertEquals(List.of(URI.create("http://b.example/"), URI.create("http://c.example/x/")),
                Mnist.mirrors(MnistKind.MNIST, MnistOptions.DEFAULT,
                        Map.of("DLFS_MNIST_MIRRORS", " http://b.example/, http://c.example/x/ ")));
        assertEquals(MnistKind.FASHION_MNIST.defaultMirrors(),
                Mnist.mirrors(MnistKind.FASHION_MNIST, MnistOptions.DEFAULT, Map.of("DLFS_MNIST_MIRRORS", "x")));
    }
}
