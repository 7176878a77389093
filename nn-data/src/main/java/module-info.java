/**
 * Data for training: IDX and CSV readers, MNIST and Fashion-MNIST with local-first discovery and verified
 * downloads, synthetic sets, and mini-batch samplers. Data sources are plugins: implement
 * {@link dev.dlfs.data.DataSourceProvider} and declare it with {@code provides}.
 */
module dev.dlfs.data {
    requires transitive dev.dlfs.tensor;
    requires java.net.http;
    // SHA-256, counting streams and saturating byte sizes in the readers and downloads.
    requires com.google.common;

    exports dev.dlfs.data;

    uses dev.dlfs.data.DataSourceProvider;

    provides dev.dlfs.data.DataSourceProvider with dev.dlfs.data.internal.BuiltinSources;
}
