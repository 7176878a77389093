package com.example.dlfs.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.optim.OptimizerRegistry;
import org.junit.jupiter.api.Test;

/** The plugin is found the way dlfs finds any plugin: through ServiceLoader, next to the built-ins. */
class DiscoveryTest {
    @Test
    void layersAreDiscoveredBesideTheBuiltIns() {
        var layers = LayerRegistry.discover();
        assertEquals(PluginLayers.class, layers.get("swish").getClass());
        assertEquals(PluginLayers.class, layers.get("leaky_relu").getClass());
        assertTrue(layers.find("affine").isPresent(), "built-in layers are still there: " + layers.names());
    }

    @Test
    void lionIsDiscoveredBesideTheBuiltIns() {
        var optimizers = OptimizerRegistry.discover();
        assertEquals(LionProvider.class, optimizers.get("lion").getClass());
        assertTrue(optimizers.find("adam").isPresent(), optimizers.names().toString());
    }
}
