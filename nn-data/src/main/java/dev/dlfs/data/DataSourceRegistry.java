package dev.dlfs.data;

import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Registry;
import java.io.IOException;
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
     * Loads a data set by source name with the shared registry; options the provider did not read are refused. The
     * provider receives the name as it declares it ({@code Fashion_MNIST} arrives as {@code fashion-mnist}).
     */
    public static DataSplit create(String source, Options options) throws IOException {
        return create(shared(), source, options);
    }

    /**
     * Loads the data set a configuration's {@code data:} map describes: {@code source} names the provider, the other
     * keys are its options. Keys the provider did not read are refused, naming the known ones.
     */
    public static DataSplit create(Options config) throws IOException {
        return create(shared(), config.requireString("source"), config);
    }

    /** Loads only the test set of {@code source} (see {@link DataSourceProvider#createTest}), options checked alike. */
    public static Dataset createTest(String source, Options options) throws IOException {
        return shared().create("data source", source, options, DataSourceProvider::createTest);
    }

    /** Loads {@code source} from {@code registry}; options the provider did not read are refused. */
    public static DataSplit create(Registry<DataSourceProvider> registry, String source, Options options)
            throws IOException {
        return registry.create("data source", source, options, DataSourceProvider::create);
    }
}
