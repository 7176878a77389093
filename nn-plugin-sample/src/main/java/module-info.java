/**
 * A sample third-party plugin for dlfs, written only against the published SPI packages: the Swish and Leaky ReLU
 * layers and the Lion optimizer. Put its jar on the module path (or pass it to {@code dlfs --plugins}) and a YAML
 * configuration can say {@code type: swish} or {@code optimizer: {type: lion}}.
 */
module com.example.dlfs.plugin {
    requires dev.dlfs.layers;
    requires dev.dlfs.optim;

    provides dev.dlfs.layers.LayerProvider with com.example.dlfs.plugin.PluginLayers;
    provides dev.dlfs.optim.OptimizerProvider with com.example.dlfs.plugin.LionProvider;
}
