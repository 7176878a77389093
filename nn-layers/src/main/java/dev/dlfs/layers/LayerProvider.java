package dev.dlfs.layers;

import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/**
 * Makes layers of one or more type names; found through {@link java.util.ServiceLoader}.
 *
 * <p>A plugin module declares {@code provides dev.dlfs.layers.LayerProvider with com.example.SwishProvider;}
 * (and, for the class path, lists the class in {@code META-INF/services/dev.dlfs.layers.LayerProvider}):
 * <pre>{@code
 * public final class SwishProvider implements LayerProvider {
 *     public Set<String> names() { return Set.of("swish"); }
 *     public Layer create(String name, Options options, LayerContext context) {
 *         return new Swish(options.getDouble("beta", 1.0));
 *     }
 * }
 * }</pre>
 * The provider only reads the options it knows; the caller ({@link LayerRegistry#create}, or a network's assembly)
 * then reports every option it did not read as unknown, with the names it did read as the known ones.
 */
public interface LayerProvider {
    /** The type names this provider makes, e.g. {@code affine}. */
    Set<String> names();

    /**
     * A new layer of type {@code name} (one of {@link #names()}, spelled as declared there) configured by
     * {@code options}, at the position described by {@code context}.
     */
    Layer create(String name, Options options, LayerContext context);
}
