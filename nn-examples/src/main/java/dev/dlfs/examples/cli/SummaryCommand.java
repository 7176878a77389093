package dev.dlfs.examples.cli;

import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlfs summary CONFIG.yaml}: the network's layers, shapes and parameter counts, and how it would train. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Check a YAML configuration and show its layers, output shapes, parameter counts, optimizer,"
                + " training run and data, without loading any data.")
final class SummaryCommand extends Subcommand {
    @Parameters(paramLabel = "CONFIG.yaml", description = "The configuration to show.")
    Path configFile;

    @Override
    int run() throws Exception {
        PrintStream out = out();
        NetworkConfig config = NetworkConfig.load(configFile);
        Network net = Network.of(config);
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
            out.println("data:      " + config.data().source() + " " + config.data().options());
        }
        return 0;
    }
}
