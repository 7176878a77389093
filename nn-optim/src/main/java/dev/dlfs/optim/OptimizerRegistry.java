package dev.dlfs.optim;

import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Registry;
import java.util.ServiceLoader;

/** The optimizers known to this process: every {@link OptimizerProvider} on the module path or class path. */
public final class OptimizerRegistry {
    private OptimizerRegistry() {
    }

    private static final class Holder {
        static final Registry<OptimizerProvider> SHARED = discover();
    }

    /** The process-wide registry, discovered once; plugins may also be added with {@code register}. */
    public static Registry<OptimizerProvider> shared() {
        return Holder.SHARED;
    }

    /** A fresh registry of the providers ServiceLoader finds now. */
    public static Registry<OptimizerProvider> discover() {
        return Registry.load("optimizer", ServiceLoader.load(OptimizerProvider.class), OptimizerProvider::names);
    }

    /** Creates an optimizer by name with the shared registry; options the provider did not read are refused. */
    public static Optimizer create(String name, Options options) {
        return create(shared(), name, options);
    }

    /** Creates an optimizer by name with {@code registry}; options the provider did not read are refused. */
    public static Optimizer create(Registry<OptimizerProvider> registry, String name, Options options) {
        return registry.create("optimizer", name, options, OptimizerProvider::create);
    }
}
