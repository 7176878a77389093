package dev.dlfs.layers;

import java.util.Set;

/**
 * Makes layers of one or more type names; found through {@link java.util.ServiceLoader}.
 *
 * <p>A plugin module declares {@code provides dev.dlfs.layers.LayerProvider with com.example.SwishProvider;}
 * (and, for the class path, lists the class in {@code META-INF/services/dev.dlfs.layers.LayerProvider}):
 * <pre>{@code
 * public final class SwishProvider implements LayerProvider {
 *     public Set<String> types() { return Set.of("swish"); }
 *     public Layer create(LayerSpec spec, LayerContext context) {
 *         double beta = spec.options().getDouble("beta", 1.0);
 *         return new Swish(beta);
 *     }
 * }
 * }</pre>
 * Options the provider never reads are reported to the user as unknown, with the names it did read as the known ones.
 */
public interface LayerProvider {
    /** The type names this provider makes, e.g. {@code affine}. */
    Set<String> types();

    /** A new layer for {@code spec} at the position described by {@code context}. */
    Layer create(LayerSpec spec, LayerContext context);
}
