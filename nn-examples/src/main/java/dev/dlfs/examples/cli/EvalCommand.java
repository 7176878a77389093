package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code dlfs eval}: accuracy and confusion matrix of a trained network on its test set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Accuracy and confusion matrix of a trained network on the test set.",
            "  dlfs eval runs/two-layer-net/checkpoint.npz",
            "  dlfs eval examples/sigmoid-net.yaml --weights sample_weight.npz   (weights saved the book's way)",
        })
final class EvalCommand extends Subcommand {
    @Mixin
    TrainedNetworkArgs network;

    @Option(names = "--split", paramLabel = "test|train", defaultValue = "test",
            description = "Which set to evaluate (default: ${DEFAULT-VALUE}).")
    String split;

    @Override
    int run() throws Exception {
        if (!split.equals("test") && !split.equals("train")) {
            throw new UserError("--split must be 'test' or 'train', got '" + split + "'", "");
        }
        PrintStream out = out();
        Network net = network.load();
        NetworkConfig config = network.dataConfig(net);
        DataSplit data = DataFetch.load(config, out);
        Dataset set = split.equals("test") ? data.test() : data.train();
        int classes = net.outputShape()[net.outputShape().length - 1];
        long[][] confusion = ConfusionMatrix.of(net, set, classes);
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
        return 0;
    }
}
