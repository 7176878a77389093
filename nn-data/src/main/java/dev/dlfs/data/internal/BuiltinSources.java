package dev.dlfs.data.internal;

import dev.dlfs.data.DataSourceProvider;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The built-in data sources, by name: {@code mnist} and {@code fashion-mnist} ({@link MnistSource}), {@code idx},
 * {@code csv}, the logic gates {@code and}, {@code or}, {@code nand}, {@code xor}, and {@code spirals}; each class
 * documents its options.
 */
public final class BuiltinSources implements DataSourceProvider {
    private static final Map<String, Source> SOURCES = sources();

    private static Map<String, Source> sources() {
        Map<String, Source> m = new LinkedHashMap<>();
        Source mnist = new MnistSource();
        m.put("mnist", mnist);
        m.put("fashion-mnist", mnist);
        m.put("idx", new IdxSource());
        m.put("csv", new CsvSource());
        Source gates = new LogicGateSource();
        for (String gate : new String[] {"and", "or", "nand", "xor"}) {
            m.put(gate, gates);
        }
        m.put("spirals", new SpiralsSource());
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Set<String> names() {
        return SOURCES.keySet();
    }

    @Override
    public DataSplit create(String name, Options options) throws IOException {
        Source source = SOURCES.get(name);
        if (source == null) {
            throw new OptionException("source", "BuiltinSources does not load data source '" + name + "'; it loads "
                    + String.join(", ", SOURCES.keySet()));
        }
        return source.load(name, options);
    }

    @Override
    public Dataset createTest(String name, Options options) throws IOException {
        Source source = SOURCES.get(name);
        if (source == null) {
            return create(name, options).test(); // the same refusal as create's
        }
        return source.loadTest(name, options);
    }
}
