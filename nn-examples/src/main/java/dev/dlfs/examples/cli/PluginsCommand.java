package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.spi.ProviderFailure;
import dev.dlfs.tensor.spi.Registry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code dlfs plugins}: every layer type, loss, optimizer and data source this process knows, with its module, and
 * every plugin found that could not be used, with its jar and why.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every discovered layer type, loss, optimizer and data source, with the module that"
                + " provides it.")
final class PluginsCommand extends Subcommand {
    @Override
    int run() {
        PrintStream out = out();
        List<ProviderFailure> broken = new ArrayList<>(dlfs.brokenJars);
        broken.addAll(section(out, "Layer types", LayerRegistry.shared()));
        broken.addAll(section(out, "Losses", LossRegistry.shared()));
        broken.addAll(section(out, "Optimizers", OptimizerRegistry.shared()));
        broken.addAll(section(out, "Data sources", DataSourceRegistry.shared()));
        if (!dlfs.brokenJars.isEmpty()) {
            out.println("Plugin jars that could not be read (" + dlfs.brokenJars.size() + "):");
            dlfs.brokenJars.forEach(f -> out.println("  " + f));
            out.println();
        }
        if (!broken.isEmpty()) {
            out.println(broken.size() + " broken plugin(s) left out: " + (verbose()
                    ? "their stack traces are on the error stream." : "run with --verbose for their stack traces."));
            broken.forEach(dlfs::printTrace);
        }
        out.println("Add your own with --plugins PATH (or DLFS_PLUGINS): see nn-plugin-sample and the README.");
        return 0;
    }

    @Override
    boolean listsBrokenPlugins() {
        return true;
    }

    /** Lists the registry's providers, then those that failed to load, which it returns. */
    private static <P> List<ProviderFailure> section(PrintStream out, String title, Registry<P> registry) {
        Map<String, P> providers = registry.providers();
        List<ProviderFailure> broken = registry.loadFailures();
        out.println(title + " (" + providers.size() + (broken.isEmpty() ? "" : ", " + broken.size() + " broken")
                + "):");
        int width = 4;
        for (String name : providers.keySet()) {
            width = Math.max(width, name.length());
        }
        for (Map.Entry<String, P> e : providers.entrySet()) {
            Class<?> type = e.getValue().getClass();
            out.printf("  %-" + width + "s  %-24s %s%n", e.getKey(), moduleOf(type), type.getName());
        }
        for (ProviderFailure failure : broken) {
            out.println("  BROKEN " + failure);
        }
        out.println();
        return broken;
    }

    /** The module's name, or where an unnamed module's class came from. */
    static String moduleOf(Class<?> type) {
        Module m = type.getModule();
        return m.isNamed() ? m.getName() : "class path";
    }
}
