/** A sample third-party plugin for dlfs: it depends only on the published SPI packages. */
module com.example.dlfs.plugin {
    requires dev.dlfs.layers;
    requires dev.dlfs.loss;
    requires dev.dlfs.optim;
}
