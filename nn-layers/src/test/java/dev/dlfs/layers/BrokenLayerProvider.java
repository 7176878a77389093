package dev.dlfs.layers;

import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/** A plugin whose construction fails, as one with a missing dependency would; see {@link PluginLoadingTest}. */
public final class BrokenLayerProvider implements LayerProvider {
    public BrokenLayerProvider() {
        throw new IllegalStateException("cannot open swish.bin");
    }

    @Override
    public Set<String> names() {
        return Set.of("swish");
    }

    @Override
    public Layer create(String name, Options options, LayerContext context) {
        throw new UnsupportedOperationException();
    }
}
