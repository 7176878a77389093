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
 *     public DataSplit create(String name, Options options) throws IOException {
 *         return IrisFiles.read(Path.of(options.requireString("dir")));
 *     }
 * }
 * // module-info.java: provides dev.dlfs.data.DataSourceProvider with com.example.IrisProvider;
 * }</pre>
 * The provider only reads the options it knows; the caller ({@link DataSourceRegistry#create}, or a network's
 * configuration) then reports every option it did not read as unknown, with the names it did read as the known ones.
 */
public interface DataSourceProvider {
    /** The source names this provider loads, e.g. {@code mnist} and {@code fashion-mnist}. */
    Set<String> names();

    /**
     * Loads the train and test sets of source {@code name} (one of {@link #names()}, spelled as declared there)
     * described by {@code options}.
     */
    DataSplit create(String name, Options options) throws IOException;

    /**
     * Loads only the test set of source {@code name}, for evaluating a trained network. The default loads both sets
     * and keeps the test set; a provider whose train set is costly to read (MNIST: 188 MB of float32 pixels) reads
     * the test files alone. It reads the same options as {@link #create}.
     */
    default Dataset createTest(String name, Options options) throws IOException {
        return create(name, options).test();
    }
}
