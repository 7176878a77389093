package dev.dlfs.data;

import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.util.Set;

/**
 * Loads data sets by name; found through {@link java.util.ServiceLoader}, so that a configuration's
 * {@code data: {source: mnist, normalize: true}} can name any installed source.
 *
 * <pre>{@code
 * public final class IrisProvider implements DataSourceProvider {
 *     public Set<String> names() { return Set.of("iris"); }
 *     public DataSplit load(String name, Options options) throws IOException {
 *         return IrisFiles.read(Path.of(options.requireString("dir")));
 *     }
 * }
 * // module-info.java: provides dev.dlfs.data.DataSourceProvider with com.example.IrisProvider;
 * }</pre>
 * Options the provider never reads are reported to the user as unknown, with the names it did read as the known ones.
 */
public interface DataSourceProvider {
    /** The source names this provider loads, e.g. {@code mnist} and {@code fashion-mnist}. */
    Set<String> names();

    /**
     * Loads the train and test sets described by {@code options}.
     *
     * @param name which of {@link #names()} was asked for, spelled as declared there
     */
    DataSplit load(String name, Options options) throws IOException;
}
