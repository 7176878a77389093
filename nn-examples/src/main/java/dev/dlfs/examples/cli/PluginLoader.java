package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSourceProvider;
import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.layers.LayerProvider;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.optim.OptimizerProvider;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.spi.ProviderFailure;
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
 * the shared registries, exactly as if the jars had been on the module path at start-up. A jar or provider that
 * cannot be used is left out and reported, and the others load.
 */
final class PluginLoader {
    /** Jars already loaded into this process; loading one twice would register its providers twice. */
    private static final Set<Path> LOADED = new HashSet<>();
    /** The kind of a failure that is the jar's, not one provider's. */
    static final String JAR = "plugin jar";

    private PluginLoader() {
    }

    /**
     * What was loaded: module names, how many providers they added, and what could not be used (a jar that is not
     * a readable module, a provider that failed to load or claims nonsense), each left out while the rest load.
     */
    record Loaded(List<String> modules, int providers, List<ProviderFailure> failures) {
        Loaded {
            modules = List.copyOf(modules);
            failures = List.copyOf(failures);
        }
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
        List<ProviderFailure> failures = new ArrayList<>();
        // Each jar is read alone first, so that one whose module description is broken (a provider class that is
        // not in it, say) is named and left out rather than taking the other plugins down with it.
        List<Path> readable = new ArrayList<>();
        for (Path jar : jars) {
            try {
                ModuleFinder.of(jar).findAll();
                readable.add(jar);
            } catch (FindException e) {
                failures.add(new ProviderFailure(JAR, jar.toString(), "", "cannot be read as a module: "
                        + ProviderFailure.describe(e), e));
            }
        }
        if (readable.isEmpty()) {
            return new Loaded(List.of(), 0, failures);
        }
        ModuleLayer boot = ModuleLayer.boot();
        ModuleFinder finder = ModuleFinder.of(readable.toArray(Path[]::new));
        Set<String> roots = new LinkedHashSet<>();
        try {
            for (ModuleReference ref : finder.findAll()) {
                String name = ref.descriptor().name();
                if (boot.findModule(name).isEmpty()) {
                    roots.add(name);
                }
            }
        } catch (FindException e) {
            throw new UserError("cannot read the plugin jars " + readable + ": " + e.getMessage(),
                    "Each plugin must be a modular jar (with a module-info) or a plain jar with a valid name, and"
                            + " no two may hold the same module.", e);
        }
        if (roots.isEmpty()) {
            return new Loaded(List.of(), 0, failures);
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
        added += register(layer, ServiceLoader.load(layer, LayerProvider.class), LayerRegistry.shared(), failures);
        added += register(layer, ServiceLoader.load(layer, LossProvider.class), LossRegistry.shared(), failures);
        added += register(layer, ServiceLoader.load(layer, OptimizerProvider.class), OptimizerRegistry.shared(),
                failures);
        added += register(layer, ServiceLoader.load(layer, DataSourceProvider.class), DataSourceRegistry.shared(),
                failures);
        return new Loaded(List.copyOf(roots), added, failures);
    }

    /** Adds the plugin layer's providers to {@code registry}; those it cannot use are added to {@code failures}. */
    private static <P> int register(ModuleLayer layer, ServiceLoader<P> loader, Registry<P> registry,
                                    List<ProviderFailure> failures) {
        int before = registry.loadFailures().size();
        // The loader also sees the application's own providers (parent layer); those are registered already.
        int added = registry.addAll(loader, p -> p.type().getModule().getLayer() == layer);
        List<ProviderFailure> all = registry.loadFailures();
        failures.addAll(all.subList(before, all.size()));
        return added;
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
