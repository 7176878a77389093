package dev.dlfs.data;

import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Registry;
import java.io.IOException;
import java.util.Locale;
import java.util.ServiceLoader;

/** The data sources known to this process: every {@link DataSourceProvider} on the module path or class path. */
public final class DataSourceRegistry {
    private DataSourceRegistry() {
    }

    private static final class Holder {
        static final Registry<DataSourceProvider> SHARED = discover();
    }

    /** The process-wide registry, discovered once; plugins may also be added with {@code register}. */
    public static Registry<DataSourceProvider> shared() {
        return Holder.SHARED;
    }

    /** A fresh registry of the providers ServiceLoader finds now. */
    public static Registry<DataSourceProvider> discover() {
        return Registry.load("data source", ServiceLoader.load(DataSourceProvider.class), DataSourceProvider::names);
    }

    /**
     * Loads a data set by source name with the shared registry. The provider receives the name as it declares it
     * ({@code Fashion_MNIST} arrives as {@code fashion-mnist}).
     */
    public static DataSplit load(String source, Options options) throws IOException {
        return load(shared(), source, options);
    }

    /**
     * Loads the data set a configuration's {@code data:} map describes: {@code source} names the provider, the other
     * keys are its options. Keys the provider did not read are refused, naming the known ones.
     */
    public static DataSplit load(Options config) throws IOException {
        String source = config.requireString("source");
        DataSplit split = load(shared(), source, config);
        config.rejectUnknown("data source '" + source + "'");
        return split;
    }

    /** Loads {@code source} from {@code registry}. */
    public static DataSplit load(Registry<DataSourceProvider> registry, String source, Options options)
            throws IOException {
        DataSourceProvider provider = registry.get(source);
        return provider.load(declaredName(provider, source), options);
    }

    private static String declaredName(DataSourceProvider provider, String asked) {
        for (String name : provider.names()) {
            if (key(name).equals(key(asked))) {
                return name;
            }
        }
        return asked;
    }

    // Same spelling rule as Registry: case, '-', '_' and spaces do not matter.
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }
}
