package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;

/** One built-in data source, which {@link BuiltinSources} reaches by name. */
interface Source {
    /** The train and test sets of source {@code name} (as {@link BuiltinSources} declares it) for {@code o}. */
    DataSplit load(String name, Options o) throws IOException;

    /** The test set alone; by default loads both sets. */
    default Dataset loadTest(String name, Options o) throws IOException {
        return load(name, o).test();
    }
}
