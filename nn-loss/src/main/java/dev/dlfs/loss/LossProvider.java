package dev.dlfs.loss;

import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/**
 * Makes losses of one or more names; found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * public final class FocalLossProvider implements LossProvider {
 *     public Set<String> names() { return Set.of("focal"); }
 *     public Loss create(String name, Options options) { return new FocalLoss(options.getDouble("gamma", 2.0)); }
 * }
 * // module-info.java: provides dev.dlfs.loss.LossProvider with com.example.FocalLossProvider;
 * }</pre>
 * The provider only reads the options it knows; the caller ({@link LossRegistry#create}, or a network's assembly)
 * then reports every option it did not read as unknown.
 */
public interface LossProvider {
    /** The names this provider makes, e.g. {@code softmax-with-loss}. */
    Set<String> names();

    /** A new loss {@code name} (one of {@link #names()}, spelled as declared there) configured by {@code options}. */
    Loss create(String name, Options options);
}
