package dev.dlfs.examples.cli;

import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dlfs summary CONFIG.yaml|CHECKPOINT}: the network's layers, shapes and parameter counts, and how it would
 * train. Never loads, fetches or looks for data.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Check a YAML configuration (or a checkpoint's) and show its layers, output shapes, parameter"
                + " counts, optimizer, training run and data, without loading any data.")
final class SummaryCommand extends Subcommand {
    @Parameters(paramLabel = "CONFIG.yaml|CHECKPOINT", description = "The configuration or checkpoint to show.")
    Path configFile;

    @Override
    int run() throws Exception {
        PrintStream out = out();
        boolean yaml = TrainedNetworkArgs.isYaml(configFile.getFileName().toString());
        Network net = yaml ? Network.of(NetworkConfig.load(configFile)) : Checkpoint.load(configFile).network();
        NetworkConfig config = net.config();
        out.println(net.summary().stripTrailing());
        if (config.optimizer() != null) {
            config.createOptimizer();     // checks the options now rather than at training time
            out.println("optimizer: " + config.optimizer().type() + " " + config.optimizer().options());
        }
        if (config.training() != null) {
            var t = config.training();
            out.println("training:  " + (t.iterations() > 0 ? t.iterations() + " iterations" : t.epochs() + " epochs")
                    + " of batch " + t.batchSize() + ", seed " + t.seed() + ", evaluation " + t.eval());
        }
        if (config.data() != null) {
            CheckpointData stored = CheckpointData.of(config.data());
            var data = yaml ? config.data() : stored.kept();
            out.println("data:      " + data.source() + " " + data.options()
                    + (yaml || stored.ignored().isEmpty() ? "" : "  (stored but ignored: " + String.join(", ",
                    stored.ignored()) + "; a checkpoint does not choose where data comes from)"));
        }
        return 0;
    }
}
