package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.spi.Registry;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code dlfs plugins}: every layer type, loss, optimizer and data source this process knows, with its module. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every discovered layer type, loss, optimizer and data source, with the module that"
                + " provides it.")
final class PluginsCommand extends Subcommand {
    @Override
    int run() {
        PrintStream out = out();
        section(out, "Layer types", LayerRegistry.shared());
        section(out, "Losses", LossRegistry.shared());
        section(out, "Optimizers", OptimizerRegistry.shared());
        section(out, "Data sources", DataSourceRegistry.shared());
        out.println("Add your own with --plugins PATH (or DLFS_PLUGINS): see nn-plugin-sample and the README.");
        return 0;
    }

    private static <P> void section(PrintStream out, String title, Registry<P> registry) {
        Map<String, P> providers = registry.providers();
        out.println(title + " (" + providers.size() + "):");
        int width = 4;
        for (String name : providers.keySet()) {
            width = Math.max(width, name.length());
        }
        for (Map.Entry<String, P> e : providers.entrySet()) {
            Class<?> type = e.getValue().getClass();
            out.printf("  %-" + width + "s  %-24s %s%n", e.getKey(), moduleOf(type), type.getName());
        }
        for (String failure : registry.loadFailures()) {
            out.println("  (failed to load: " + failure + ")");
        }
        out.println();
    }

    /** The module's name, or where an unnamed module's class came from. */
    static String moduleOf(Class<?> type) {
        Module m = type.getModule();
        return m.isNamed() ? m.getName() : "class path";
    }
}
