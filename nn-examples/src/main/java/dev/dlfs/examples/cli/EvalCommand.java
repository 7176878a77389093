package dev.dlfs.examples.cli;

import dev.dlfs.data.Dataset;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dlfs eval}: accuracy and confusion matrix of a trained network on its test set, optionally timed. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Accuracy and confusion matrix of a trained network on the test set.",
            "  dlfs eval runs/two-layer-net/checkpoint.npz",
            "  dlfs eval examples/sigmoid-net.yaml --weights sample_weight.npz   (weights saved the book's way)",
            "  dlfs eval examples/deep-convnet.yaml --untrained --repeat 3  (timing only)",
        })
final class EvalCommand extends Subcommand {
    @Mixin
    TrainedNetworkArgs network;

    @Option(names = "--split", paramLabel = "test|train", defaultValue = "test",
            description = "Which set to evaluate (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--untrained",
            description = "For a CONFIG.yaml without --weights: keep the network's seeded initial weights. The"
                    + " accuracy is then chance level and means nothing; use it with --repeat to time inference.")
    boolean untrained;

    @Option(names = "--repeat", paramLabel = "N", converter = OptionRanges.AtLeastOne.class,
            description = "Classify the set N times and print the seconds of each pass (the first includes the"
                    + " JIT compiling the kernels).")
    Integer repeat;

    @Spec
    CommandSpec spec;

    @Override
    int run() throws Exception {
        if (!split.equals("test") && !split.equals("train")) {
            throw new ParameterException(spec.commandLine(),
                    "--split must be 'test' or 'train', got '" + split + "'");
        }
        if (untrained && network.weights != null) {
            throw new ParameterException(spec.commandLine(), "Give --untrained or --weights, not both");
        }
        PrintStream out = out();
        Network net = untrained ? network.untrained() : network.load();
        NetworkConfig config = network.dataConfig(net, out);
        Dataset set = split.equals("test") ? DataFetch.loadTest(config, out) : DataFetch.load(config, out).train();
        int classes = net.outputShape()[net.outputShape().length - 1];
        if (untrained) {
            out.printf("%s is untrained (its seeded initial weights): the accuracy below is chance level and means"
                    + " nothing%n", net.config().name());
        }
        List<String> seconds = new ArrayList<>();
        long[][] confusion = null;
        for (int pass = 0; pass < (repeat == null ? 1 : repeat); pass++) {
            long start = System.nanoTime();
            confusion = ConfusionMatrix.of(net, set, classes);
            seconds.add(String.format(Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e9));
        }
        long correct = 0;
        long total = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                total += confusion[i][j];
                correct += i == j ? confusion[i][j] : 0;
            }
        }
        out.printf("%s on %s: accuracy %.4f (%d of %d correct)%n", net.config().name(), set.name(),
                (double) correct / total, correct, total);
        out.println();
        out.print(ConfusionMatrix.format(confusion, set.classNames()));
        if (repeat != null) {
            // Last, so scripts timing the command find it on the final line.
            out.printf("inference of the %d images of %s, seconds per pass: %s%n", set.size(), set.name(),
                    String.join(", ", seconds));
        }
        return 0;
    }
}
