package dev.dlfs.loss;

import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Registry;
import java.util.ServiceLoader;

/** The losses known to this process: every {@link LossProvider} on the module path or class path. */
public final class LossRegistry {
    private LossRegistry() {
    }

    private static final class Holder {
        static final Registry<LossProvider> SHARED = discover();
    }

    /** The process-wide registry, discovered once; plugins may also be added with {@code register}. */
    public static Registry<LossProvider> shared() {
        return Holder.SHARED;
    }

    /** A fresh registry of the providers ServiceLoader finds now. */
    public static Registry<LossProvider> discover() {
        return Registry.load("loss function", ServiceLoader.load(LossProvider.class), LossProvider::names);
    }

    /** Creates a loss by name with the shared registry; options the provider did not read are refused. */
    public static Loss create(String name, Options options) {
        return create(shared(), name, options);
    }

    /** Creates a loss by name with {@code registry}; options the provider did not read are refused. */
    public static Loss create(Registry<LossProvider> registry, String name, Options options) {
        return registry.create("loss", name, options, LossProvider::create);
    }
}
