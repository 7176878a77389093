package dev.dlfs.examples.model;

import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.data.DataSplit;
import dev.dlfs.examples.Example;
import dev.dlfs.examples.ExampleContext;
import dev.dlfs.examples.RepositoryRoot;
import dev.dlfs.model.BookWeights;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.Trainer;
import dev.dlfs.model.TrainingListener;
import dev.dlfs.model.TrainingResult;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The book's networks end to end: the ch03 network with the book's pretrained weights (0.9352), the ch05 gradient
 * check, and the ch05 two-layer net trained from its YAML configuration.
 */
public final class ModelExample implements Example {
    @Override
    public String name() {
        return "model";
    }

    @Override
    public String description() {
        return "the book's pretrained sample_weight net (0.9352, ch03); gradient check and training of the"
                + " two-layer net from YAML (ch05)";
    }

    @Override
    public void run(ExampleContext c) throws IOException {
        c.println("== The book's pretrained network (ch03, neuralnet_mnist.py) ==");
        pretrained(c);
        c.println("");

        c.println("== Gradient check of the two-layer net (ch05, gradient_check.py), float64, 3 samples ==");
        NetworkConfig twoLayer = NetworkConfig.load(configFile("two-layer-net.yaml"));
        NetworkConfig f64 = twoLayer.withDtype(DType.FLOAT64);
        DataSplit mnist64 = f64.loadData();
        Tensor x = mnist64.train().x().rows(0, 3).copy();
        Tensor t = mnist64.train().t().rows(0, 3).copy();
        c.print(NetworkGradientCheck.format(NetworkGradientCheck.run(Network.of(f64), x, t)));
        c.println("(differences of 1e-7 and below: backpropagation is right; the 1e-7 in the book's log(y + 1e-7)"
                + " keeps the last one from being smaller)");
        c.println("");

        c.println("== Training the two-layer net from " + configFile("two-layer-net.yaml") + " (ch05) ==");
        Network net = Network.of(twoLayer);
        TrainingResult result = Trainer.of(net).listener(TrainingListener.progress(c.out(), false))
                .run(twoLayer.loadData());
        c.printf("final train accuracy %.4f, test accuracy %.4f (the book: about 0.97 after 10000 iterations)%n",
                result.trainAccuracy(), result.testAccuracy());
    }

    /** The book's sample_weight.npz (see {@link #weightPlaces}), evaluated on the 10000 MNIST test images. */
    private static void pretrained(ExampleContext c) throws IOException {
        List<Path> places = weightPlaces();
        Path weights = places.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (weights == null) {
            c.println("skipped: the book's sample_weight.npz is in none of " + places
                    + "; set DLFS_BOOK_WEIGHTS to the folder that holds it.");
            return;
        }
        NetworkConfig config = NetworkConfig.load(configFile("sigmoid-net.yaml"));
        Network net = Network.of(config);
        BookWeights.load(net, weights);
        DataSplit mnist = DataSourceRegistry.create("mnist", Options.of(Map.of("dtype", config.dtype().label())));
        int correct = net.countCorrect(mnist.test().x(), mnist.test().t());
        c.printf("weights %s%nAccuracy: %.4f (%d of %d)   (the book: Accuracy:0.9352)%n", weights,
                (double) correct / mnist.test().size(), correct, mnist.test().size());
    }

    /**
     * Where the book's weights may be: the folder $DLFS_BOOK_WEIGHTS names, then the copy committed in the
     * repository (nn-model's test resources, with the book's licence).
     */
    static List<Path> weightPlaces() {
        List<Path> out = new ArrayList<>();
        String env = System.getenv("DLFS_BOOK_WEIGHTS");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env, "sample_weight.npz"));
        }
        out.add(RepositoryRoot.path().resolve("nn-model/src/test/resources/book-weights/sample_weight.npz"));
        return out;
    }

    /** A shipped configuration in the repository's examples folder. */
    static Path configFile(String name) {
        return RepositoryRoot.path().resolve("examples").resolve(name);
    }
}
