package dev.dlfs.data;

import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.util.Set;

/**
 * Loads a data set by name; found through {@link java.util.ServiceLoader}, so that a configuration's
 * {@code data: {source: mnist, normalize: true}} can name any installed source.
 *
 * <pre>{@code
 * public final class IrisProvider implements DataSourceProvider {
 *     public Set<String> names() { return Set.of("iris"); }
 *     public DataSplit load(Options options) throws IOException {
 *         return IrisFiles.read(Path.of(options.requireString("dir")));
 *     }
 * }
 * // module-info.java: provides dev.dlfs.data.DataSourceProvider with com.example.IrisProvider;
 * }</pre>
 */
public interface DataSourceProvider {
    /** The source names this provider loads, e.g. {@code mnist}. */
    Set<String> names();

    /** Loads the train and test sets described by {@code options}. */
    DataSplit load(Options options) throws IOException;
}
