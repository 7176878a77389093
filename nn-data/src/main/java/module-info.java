/**
 * Data for training: IDX and CSV readers, MNIST and Fashion-MNIST with local-first discovery and verified
 * downloads, synthetic sets, and mini-batch samplers. Data sources are plugins: implement
 * {@link dev.dlfs.data.DataSourceProvider} and declare it with {@code provides}.
 */
module dev.dlfs.data {
    requires transitive dev.dlfs.tensor;
    requires java.net.http;

    exports dev.dlfs.data;

    uses dev.dlfs.data.DataSourceProvider;

    provides dev.dlfs.data.DataSourceProvider with
            dev.dlfs.data.internal.MnistSource,
            dev.dlfs.data.internal.IdxSource,
            dev.dlfs.data.internal.CsvSource,
            dev.dlfs.data.internal.LogicGateSource,
            dev.dlfs.data.internal.SpiralsSource;
}
