package dev.dlfs.optim;

import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/**
 * Makes optimizers of one or more names; found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * public final class LionProvider implements OptimizerProvider {
 *     public Set<String> names() { return Set.of("lion"); }
 *     public Optimizer create(String name, Options options) { return new Lion(options.getDouble("lr", 1e-4)); }
 * }
 * // module-info.java: provides dev.dlfs.optim.OptimizerProvider with com.example.LionProvider;
 * }</pre>
 * The provider only reads the options it knows; the caller ({@link OptimizerRegistry#create}, or a network's
 * configuration) then reports every option it did not read as unknown.
 */
public interface OptimizerProvider {
    /** The names this provider makes, e.g. {@code adam}. */
    Set<String> names();

    /**
     * A new optimizer {@code name} (one of {@link #names()}, spelled as declared there) configured by
     * {@code options} (lr, momentum, weight-decay, …).
     */
    Optimizer create(String name, Options options);
}
