package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.examples.model.NetworkGradientCheck;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlfs gradcheck CONFIG.yaml}: the book's gradient check (ch05): backpropagation against the numerical
 * gradient, per parameter, in float64 on a few training samples.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Compare backpropagation with the numerical gradient (central differences) for every"
                + " parameter, in float64 on the first few training samples, like the book's gradient_check.py.")
final class GradcheckCommand extends Subcommand {
    @Parameters(paramLabel = "CONFIG.yaml", description = "The network and its data.")
    Path configFile;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "3", converter = OptionRanges.AtLeastOne.class,
            description = "Training samples to use (default: ${DEFAULT-VALUE}, as in the book).")
    int samples;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-4", converter = OptionRanges.Positive.class,
            description = "Largest acceptable relative error (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    int run() throws Exception {
        PrintStream out = out();
        NetworkConfig config = NetworkConfig.load(configFile).withDtype(DType.FLOAT64);
        DataSplit data = DataFetch.load(config, out);
        Dataset train = data.train();
        int n = Math.min(samples, train.size());
        Tensor x = train.x().rows(0, n).copy();
        Tensor t = train.t().rows(0, n).copy();

        out.printf("gradient check of %s on %d training sample%s, float64 (backprop vs central differences, h = 1e-4)%n",
                config.name(), n, n == 1 ? "" : "s");
        List<NetworkGradientCheck.Row> rows = NetworkGradientCheck.run(Network.of(config), x, t);
        out.print(NetworkGradientCheck.format(rows));
        NetworkGradientCheck.Row worstRow = rows.stream()
                .max(java.util.Comparator.comparingDouble(NetworkGradientCheck.Row::maxRelativeError)).orElseThrow();
        double worst = worstRow.maxRelativeError();
        String worstName = worstRow.label();
        if (!(worst < tolerance)) {
            throw new UserError(String.format(java.util.Locale.ROOT, "the gradient check failed: %s has a relative"
                    + " error of %.3e, above the tolerance %.1e", worstName, worst, tolerance),
                    "Backpropagation of one of its layers disagrees with the numerical gradient: check that layer's"
                            + " backward pass (or a kink such as ReLU at 0 was hit; try --samples 1).");
        }
        out.printf(java.util.Locale.ROOT, "ok: every relative error is below %.1e%n", tolerance);
        return 0;
    }
}
