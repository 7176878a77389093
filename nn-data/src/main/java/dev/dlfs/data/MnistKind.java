package dev.dlfs.data;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The data sets stored in MNIST's layout: four IDX files, 60000 training and 10000 test images of 28×28 unsigned-byte
 * pixels, labels 0-9. The SHA-256 sums are those of the uncompressed files, so a {@code .gz} from any mirror is
 * checked after decompression (distributors recompress; the content is what must match).
 */
public enum MnistKind {
    MNIST("mnist", "DLFS_MNIST_MIRRORS",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            Map.of(MnistKind.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    MnistKind.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    MnistKind.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    MnistKind.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            "run scripts/fetch-mnist.sh"),
    FASHION_MNIST("fashion-mnist", "DLFS_FASHION_MNIST_MIRRORS",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            Map.of(MnistKind.TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    MnistKind.TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    MnistKind.TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    MnistKind.TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            "install Debian's dataset-fashion-mnist package");

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four file names, uncompressed; each may also be present as {@code <name>.gz}. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private final String sourceName;
    private final String mirrorsVariable;
    private final List<String> classNames;
    private final List<URI> defaultMirrors;
    private final Map<String, String> sha256;
    private final String howToGet;

    MnistKind(String sourceName, String mirrorsVariable, List<String> classNames, List<URI> defaultMirrors,
              Map<String, String> sha256, String howToGet) {
        this.sourceName = sourceName;
        this.mirrorsVariable = mirrorsVariable;
        this.classNames = classNames;
        this.defaultMirrors = defaultMirrors;
        this.sha256 = sha256;
        this.howToGet = howToGet;
    }

    /** The data source name, also the directory name under a data root: {@code mnist}, {@code fashion-mnist}. */
    public String sourceName() {
        return sourceName;
    }

    /** Number of classes. */
    public int classes() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Environment variable that overrides the mirrors: base URLs separated by commas or spaces. */
    public String mirrorsVariable() {
        return mirrorsVariable;
    }

    public List<URI> defaultMirrors() {
        return defaultMirrors;
    }

    /** SHA-256 of each uncompressed file, by file name. */
    public Map<String, String> sha256() {
        return sha256;
    }

    /** The usual way to get the files without a download, for messages. */
    String howToGet() {
        return howToGet;
    }
}
