package dev.dlfs.examples.cli;

import dev.dlfs.data.Dataset;
import dev.dlfs.examples.plot.GrayImage;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlfs predict}: the class of one image, with the probability of every class. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {
            "Classify one image: a file of your own, or a sample of the test set.",
            "  dlfs predict runs/two-layer-net/checkpoint.npz --index 0",
            "  dlfs predict runs/two-layer-net/checkpoint.npz my-digit.png",
        })
final class PredictCommand extends Subcommand {
    @Mixin
    TrainedNetworkArgs network;

    @Parameters(index = "1", arity = "0..1", paramLabel = "IMAGE", description = "An image file (PNG, JPEG, …).")
    Path image;

    @Option(names = "--index", paramLabel = "N", converter = OptionRanges.AtLeastZero.class,
            description = "Sample N of the test set instead of an image.")
    Integer index;

    @Spec
    CommandSpec spec;

    @Override
    int run() throws Exception {
        if ((image == null) == (index == null)) {
            throw new ParameterException(spec.commandLine(), image == null
                    ? "Missing the input: give an IMAGE file or --index N"
                    : "Give an IMAGE file or --index N, not both");
        }
        PrintStream out = out();
        Network net = network.load();
        int[] in = net.config().inputShape();
        int size = Shapes.size(in);
        List<String> classNames = List.of();
        double[] pixels;
        if (index != null) {
            NetworkConfig config = network.dataConfig(net, out);
            Dataset test = DataFetch.loadTest(config, out);
            int n = index;
            if (n >= test.size()) {
                // A wrong command-line value, though only the data can tell: a usage error like any other.
                throw new ParameterException(spec.commandLine(), "--index " + n + " is outside the test set "
                        + test.name() + ", which has " + test.size() + " samples: give an index from 0 to "
                        + (test.size() - 1));
            }
            pixels = test.x().row(n).toDoubleArray();
            classNames = test.classNames();
            int truth = test.oneHot() ? test.t().row(n).argmaxAll() : (int) test.t().getFlat(n);
            out.println(test.name() + " sample " + n + ", true class " + label(truth, classNames) + ":");
            int[] hw = imageShape(in, size);
            if (hw != null) {
                out.print(GrayImage.toText(pixels, hw[0], hw[1]));
            }
        } else {
            int[] hw = imageShape(in, size);
            if (hw == null) {
                throw new UserError("the network's input " + Shapes.format(in) + " is not an image",
                        "Use --index N to classify a sample of its data set.");
            }
            pixels = InputImage.read(image, hw[0], hw[1]);
            if (!normalized(net.config())) {
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] *= 255;
                }
            }
        }
        int[] batch = new int[in.length + 1];
        batch[0] = 1;
        System.arraycopy(in, 0, batch, 1, in.length);
        Tensor x = Tensor.of(pixels, batch).to(net.dtype());
        Tensor scores = net.predict(x);
        double[] p = scores.reshape(1, scores.size()).softmax().toDoubleArray();
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        out.printf("predicted class %s with probability %.4f%n", label(best, classNames), p[best]);
        for (int k = 0; k < p.length; k++) {
            out.printf("  %-14s %.4f  %s%n", label(k, classNames), p[k], "#".repeat((int) Math.round(p[k] * 40)));
        }
        return 0;
    }

    /** {@code [784]} or {@code [1, 28, 28]} → 28 × 28; null when the input is not a square picture. */
    private static int[] imageShape(int[] in, int size) {
        if (in.length == 3) {
            return in[0] == 1 ? new int[] {in[1], in[2]} : null;
        }
        int side = (int) Math.round(Math.sqrt(size));
        return in.length == 1 && side * side == size ? new int[] {side, side} : null;
    }

    /** Whether the network was trained on pixels in [0, 1] (MNIST's {@code normalize}, on unless switched off). */
    private static boolean normalized(NetworkConfig config) {
        return config.data() == null || !Boolean.FALSE.equals(config.data().options().asMap().get("normalize"));
    }

    private static String label(int k, List<String> names) {
        String number = Integer.toString(k);
        return names.size() > k && !names.get(k).equals(number) ? number + " (" + names.get(k) + ")" : number;
    }
}
