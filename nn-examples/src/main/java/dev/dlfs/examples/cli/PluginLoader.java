package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSourceProvider;
import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.layers.LayerProvider;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.optim.OptimizerProvider;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.spi.Registry;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads plugin jars named with {@code --plugins} (or {@code DLFS_PLUGINS}) at run time: the jars become a module
 * layer above the application's, and every layer, loss, optimizer and data-source provider they declare is added to
 * the shared registries, exactly as if the jars had been on the module path at start-up.
 */
final class PluginLoader {
    /** Jars already loaded into this process; loading one twice would register its providers twice. */
    private static final Set<Path> LOADED = new HashSet<>();

    private PluginLoader() {
    }

    /** What was loaded: module names and how many providers of each kind they added. */
    record Loaded(List<String> modules, int providers) {
    }

    /**
     * Loads every jar in {@code paths}; a folder contributes the {@code *.jar} files directly inside it. Modules
     * that are already part of the application (on the module path) are left alone.
     */
    static synchronized Loaded load(List<Path> paths) {
        List<Path> jars = new ArrayList<>();
        for (Path p : paths) {
            for (Path jar : jarsAt(p)) {
                Path key = jar.toAbsolutePath().normalize();
                if (LOADED.add(key)) {
                    jars.add(key);
                }
            }
        }
        if (jars.isEmpty()) {
            return new Loaded(List.of(), 0);
        }
        ModuleLayer boot = ModuleLayer.boot();
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<String> roots = new LinkedHashSet<>();
        try {
            for (ModuleReference ref : finder.findAll()) {
                String name = ref.descriptor().name();
                if (boot.findModule(name).isEmpty()) {
                    roots.add(name);
                }
            }
        } catch (FindException e) {
            throw new UserError("cannot read the plugin jars " + jars + ": " + e.getMessage(),
                    "Each plugin must be a modular jar (with a module-info) or a plain jar with a valid name.", e);
        }
        if (roots.isEmpty()) {
            return new Loaded(List.of(), 0);
        }
        ModuleLayer layer;
        try {
            Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        } catch (FindException | ResolutionException | java.lang.LayerInstantiationException e) {
            throw new UserError("cannot load the plugin modules " + roots + ": " + e.getMessage(),
                    "A plugin may require only dlfs modules and the JDK; put any other jar it needs in the same"
                            + " --plugins folder.", e);
        }
        int added = 0;
        added += register(layer, ServiceLoader.load(layer, LayerProvider.class), LayerRegistry.shared());
        added += register(layer, ServiceLoader.load(layer, LossProvider.class), LossRegistry.shared());
        added += register(layer, ServiceLoader.load(layer, OptimizerProvider.class), OptimizerRegistry.shared());
        added += register(layer, ServiceLoader.load(layer, DataSourceProvider.class), DataSourceRegistry.shared());
        return new Loaded(List.copyOf(roots), added);
    }

    private static <P> int register(ModuleLayer layer, ServiceLoader<P> loader, Registry<P> registry) {
        int n = 0;
        for (ServiceLoader.Provider<P> p : loader.stream().toList()) {
            // The loader also sees the application's own providers (parent layer); those are registered already.
            if (p.type().getModule().getLayer() == layer) {
                registry.register(p.get());
                n++;
            }
        }
        return n;
    }

    private static List<Path> jarsAt(Path p) {
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            throw new UserError("plugin path " + p + " does not exist",
                    "Give --plugins (or DLFS_PLUGINS) a jar file or a folder of jars, separated by '"
                            + java.io.File.pathSeparator + "'.");
        }
        try (Stream<Path> files = Files.list(p)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserError("cannot list the plugin folder " + p + ": " + e.getMessage(), "", e);
        }
    }
}
