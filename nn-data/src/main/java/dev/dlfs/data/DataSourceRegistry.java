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

    /** Loads a data set by source name with the shared registry. */
    public static DataSplit load(String source, Options options) throws IOException {
        return shared().get(source).load(options);
    }
}
