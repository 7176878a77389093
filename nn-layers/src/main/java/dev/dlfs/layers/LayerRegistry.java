package dev.dlfs.layers;

import dev.dlfs.tensor.spi.Registry;
import java.util.ServiceLoader;

/** The layer types known to this process: every {@link LayerProvider} on the module path or class path. */
public final class LayerRegistry {
    private LayerRegistry() {
    }

    private static final class Holder {
        static final Registry<LayerProvider> SHARED = discover();
    }

    /** The process-wide registry, discovered once; plugins may also be added with {@code register}. */
    public static Registry<LayerProvider> shared() {
        return Holder.SHARED;
    }

    /** A fresh registry of the providers ServiceLoader finds now. */
    public static Registry<LayerProvider> discover() {
        return Registry.load("layer type", ServiceLoader.load(LayerProvider.class), LayerProvider::names);
    }

    /**
     * A fresh registry of the providers {@code loader} can see (e.g. a class loader over a folder of plugin jars),
     * besides those of the module layers.
     */
    public static Registry<LayerProvider> discover(ClassLoader loader) {
        return Registry.load("layer type", ServiceLoader.load(LayerProvider.class, loader), LayerProvider::names);
    }

    /** Creates a layer by type name with the shared registry; options the provider did not read are refused. */
    public static Layer create(LayerSpec spec, LayerContext context) {
        return create(shared(), spec, context);
    }

    /** Creates a layer by type name with {@code registry}; options the provider did not read are refused. */
    public static Layer create(Registry<LayerProvider> registry, LayerSpec spec, LayerContext context) {
        return registry.create("layer", spec.type(), spec.options(), (p, name, o) -> p.create(name, o, context));
    }
}
