package dev.dlfs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DataSourceRegistry;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.spi.Registry;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * On the class path (as under Spark) ServiceLoader sees only META-INF/services files, not the module descriptors'
 * {@code provides}: every provider that a dlfs module (or the plugin sample) declares in its descriptor must also be
 * found by ServiceLoader here and be in the shared registry.
 */
class ClassPathPluginsTest {
    private static final Map<String, Registry<?>> REGISTRIES = Map.of(
            "dev.dlfs.layers.LayerProvider", LayerRegistry.shared(),
            "dev.dlfs.loss.LossProvider", LossRegistry.shared(),
            "dev.dlfs.optim.OptimizerProvider", OptimizerRegistry.shared(),
            "dev.dlfs.data.DataSourceProvider", DataSourceRegistry.shared());

    @Test
    void everyDeclaredProviderIsFoundOnTheClassPath() throws Exception {
        assertFalse(LayerRegistry.class.getModule().isNamed(), "this test must run on the class path");
        List<ModuleDescriptor> modules = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toString().contains("nn-")) {
                continue;   // not one of ours (Spark's jars have no derivable module names)
            }
            for (ModuleReference m : ModuleFinder.of(Path.of(entry)).findAll()) {
                String name = m.descriptor().name();
                if (name.startsWith("dev.dlfs") || name.startsWith("com.example.dlfs")) {
                    modules.add(m.descriptor());
                }
            }
        }
        Set<String> seen = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        for (ModuleDescriptor d : modules) {
            seen.add(d.name());
            for (ModuleDescriptor.Provides p : d.provides()) {
                services.add(p.service());
                Class<?> service = Class.forName(p.service());
                Registry<?> registry = REGISTRIES.get(p.service());
                assertTrue(registry != null, d.name() + " provides " + p.service() + ", an SPI this test does not"
                        + " know: add its registry here");
                for (String provider : p.providers()) {
                    boolean loaded = ServiceLoader.load(service).stream()
                            .anyMatch(s -> s.type().getName().equals(provider));
                    assertTrue(loaded, d.name() + ": " + provider + " is declared in module-info but ServiceLoader"
                            + " does not find it on the class path: add it to META-INF/services/" + p.service());
                    assertTrue(registry.providers().values().stream()
                            .anyMatch(v -> v.getClass().getName().equals(provider)), provider + " not in the "
                            + registry.kind() + " registry " + registry.names());
                }
            }
        }
        assertEquals(Set.of("dev.dlfs.tensor", "dev.dlfs.layers", "dev.dlfs.loss", "dev.dlfs.optim", "dev.dlfs.data",
                "dev.dlfs.model", "com.example.dlfs.plugin"), seen, "the modules on this class path");
        assertEquals(REGISTRIES.keySet(), services, "every SPI is provided by some module");
        assertTrue(LayerRegistry.shared().names().containsAll(List.of("affine", "convolution", "swish")),
                LayerRegistry.shared().names().toString());
        assertTrue(OptimizerRegistry.shared().names().containsAll(List.of("sgd", "adam", "lion")));
    }
}
