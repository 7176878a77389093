package dev.dlfs.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MNIST and Fashion-MNIST, local first: the book's {@code load_mnist}.
 *
 * <pre>{@code
 * DataSplit mnist = Mnist.load(MnistKind.MNIST, ImageFormat.BOOK.withOneHot(true));
 * Tensor x = mnist.train().x();   // float32 (60000, 784), pixels in [0, 1]
 * Tensor t = mnist.train().t();   // float32 (60000, 10)
 * }</pre>
 * The four files ({@link MnistKind#FILES}, raw or {@code .gz}) are looked for in an explicit directory,
 * {@code $DLFS_DATA/<name>}, {@code ~/.dlfs/datasets/<name>}, then {@code /usr/share/datasets/<name>} and
 * {@code /usr/local/share/datasets/<name>}; the first directory holding all four is used. If none does, the error
 * lists every place and what it lacked, unless downloads were allowed ({@link MnistOptions#download()}): then the
 * missing files are fetched from the mirrors, verified, into the explicit directory if given, else
 * {@code $DLFS_DATA/<name>} if set, else {@code ~/.dlfs/datasets/<name>}.
 */
public final class Mnist {
    private Mnist() {
    }

    /** Loads from the standard locations, verified, without downloading. */
    public static DataSplit load(MnistKind kind, ImageFormat format) throws IOException {
        return load(kind, format, MnistOptions.DEFAULT);
    }

    /** Loads as {@code options} say. */
    public static DataSplit load(MnistKind kind, ImageFormat format, MnistOptions options) throws IOException {
        return load(kind, format, options, DatasetLocations.standard(kind.sourceName(), options.dir()),
                mirrors(kind, options, System.getenv()), kind.sha256());
    }

    /** Loads the test set alone (the four files must still be there), as {@code options} say. */
    public static Dataset loadTest(MnistKind kind, ImageFormat format, MnistOptions options) throws IOException {
        return loadTest(kind, format, options, DatasetLocations.standard(kind.sourceName(), options.dir()),
                mirrors(kind, options, System.getenv()), kind.sha256());
    }

    static Dataset loadTest(MnistKind kind, ImageFormat format, MnistOptions options, DatasetLocations where,
                            List<URI> mirrors, Map<String, String> sha256) throws IOException {
        Path dir = locate(kind, options, where, mirrors, sha256);
        return read(kind, "test", dir, MnistKind.TEST_IMAGES, MnistKind.TEST_LABELS, format,
                options.verify() ? sha256 : Map.of());
    }

    /** The directory the files are read from (after downloading them, if allowed and needed). */
    public static Path locate(MnistKind kind, MnistOptions options) throws IOException {
        return locate(kind, options, DatasetLocations.standard(kind.sourceName(), options.dir()),
                mirrors(kind, options, System.getenv()), kind.sha256());
    }

    static DataSplit load(MnistKind kind, ImageFormat format, MnistOptions options, DatasetLocations where,
                          List<URI> mirrors, Map<String, String> sha256) throws IOException {
        Path dir = locate(kind, options, where, mirrors, sha256);
        Map<String, String> expected = options.verify() ? sha256 : Map.of();
        return new DataSplit(
                read(kind, "train", dir, MnistKind.TRAIN_IMAGES, MnistKind.TRAIN_LABELS, format, expected),
                read(kind, "test", dir, MnistKind.TEST_IMAGES, MnistKind.TEST_LABELS, format, expected));
    }

    static Path locate(MnistKind kind, MnistOptions options, DatasetLocations where, List<URI> mirrors,
                       Map<String, String> sha256) throws IOException {
        List<String> report = new ArrayList<>();
        for (DatasetLocations.Location place : where.locations()) {
            if (place.dir() == null) {
                report.add(place.origin());
                continue;
            }
            String what;
            if (!Files.isDirectory(place.dir())) {
                what = "no such directory";
            } else {
                List<String> missing = missing(place.dir());
                if (missing.isEmpty()) {
                    return place.dir();
                }
                what = "missing " + String.join(", ", missing.stream().map(f -> f + "[.gz]").toList());
            }
            report.add(place.dir() + " (" + place.origin() + "): " + what);
        }
        if (options.download()) {
            Path dir = where.downloadDir();
            VerifiedDownload download = VerifiedDownload.standard();
            for (String file : missing(dir)) {
                download.fetch(mirrors, file, sha256.get(file), dir);
            }
            return dir;
        }
        throw new DatasetNotFoundException(kind.sourceName() + " not found. Looked in, in order:\n  "
                + String.join("\n  ", report) + "\nTo get it: " + kind.howToGet()
                + ", or allow a verified download (option download: true).");
    }

    private static List<String> missing(Path dir) {
        List<String> out = new ArrayList<>();
        for (String f : MnistKind.FILES) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) {
                out.add(f);
            }
        }
        return out;
    }

    private static Dataset read(MnistKind kind, String part, Path dir, String imagesName, String labelsName,
                                ImageFormat format, Map<String, String> expected) throws IOException {
        IdxArray images = verified(IdxReader.read(file(dir, imagesName)), expected.get(imagesName));
        IdxArray labels = verified(IdxReader.read(file(dir, labelsName)), expected.get(labelsName));
        return ImageLabels.dataset(kind.sourceName() + "/" + part, images, labels, format, kind.classes(),
                kind.classNames());
    }

    private static Path file(Path dir, String name) {
        Path raw = dir.resolve(name);
        return Files.isRegularFile(raw) ? raw : dir.resolve(name + ".gz");
    }

    private static IdxArray verified(IdxArray a, String sha256) throws MalformedDataException {
        if (sha256 != null) {
            String actual = a.sha256();
            if (!actual.equals(sha256)) {
                throw new MalformedDataException(a.source(), "SHA-256 of the uncompressed content is " + actual
                        + ", expected " + sha256 + ": the file is corrupt or another data set's; delete it and fetch"
                        + " it again (or turn verify off for a deliberately different file)");
            }
        }
        return a;
    }

    /** The mirrors: those in {@code options}, else the kind's environment variable, else the kind's defaults. */
    static List<URI> mirrors(MnistKind kind, MnistOptions options, Map<String, String> env) {
        if (!options.mirrors().isEmpty()) {
            return options.mirrors();
        }
        String fromEnv = env.get(kind.mirrorsVariable());
        if (fromEnv != null && !fromEnv.isBlank()) {
            List<URI> out = new ArrayList<>();
            for (String s : fromEnv.strip().split("[,\\s]+")) {
                out.add(URI.create(s));
            }
            return out;
        }
        return kind.defaultMirrors();
    }
}
