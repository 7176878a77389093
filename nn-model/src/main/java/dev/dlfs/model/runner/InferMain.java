package dev.dlfs.model.runner;

import dev.dlfs.data.DataSplit;
import dev.dlfs.model.BookWeights;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.Tensor;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Classifies the test set with the network a YAML file declares, for inference benchmarks:
 * {@code InferMain CONFIG.yaml [--weights BOOK.npz] [--batch N] [--repeat N] [--threads N] [--data-dir DIR]}.
 * Without weights the network keeps its seeded initial weights (timing only). {@code --batch 0} (the default) lets
 * the network choose its chunk size. Prints the seconds of each pass and the accuracy.
 */
public final class InferMain {
    private InferMain() {
    }

    public static void main(String[] args) throws Exception {
        Arguments a = new Arguments(args);
        if (a.has("--threads")) {
            Parallelism.setThreads(a.integer("--threads"));
        }
        NetworkConfig config = a.withDataDir(NetworkConfig.load(Path.of(a.positional())));
        DataSplit data = config.loadData();
        Network net = Network.of(config);
        if (a.has("--weights")) {
            BookWeights.load(net, Path.of(a.value("--weights")));
        }
        Tensor x = data.test().x();
        Tensor t = data.test().t();
        int batch = a.integer("--batch", 0);
        int repeat = a.integer("--repeat", 2);
        StringBuilder passes = new StringBuilder();
        int correct = 0;
        for (int r = 0; r < repeat; r++) {
            long start = System.nanoTime();
            correct = 0;
            if (batch <= 0) {
                correct = net.countCorrect(x, t);
            } else {
                for (int from = 0; from < x.dim(0); from += batch) {
                    int to = Math.min(x.dim(0), from + batch);
                    correct += net.countCorrect(x.rows(from, to), t.rows(from, to));
                }
            }
            passes.append(String.format(Locale.ROOT, "%s%.3f", r == 0 ? "" : ", ", (System.nanoTime() - start) / 1e9));
        }
        System.out.printf(Locale.ROOT, "%s inference of %d images (batch %s): passes [%s] s; %d correct%n",
                config.name(), x.dim(0), batch <= 0 ? "auto" : String.valueOf(batch), passes, correct);
    }
}
