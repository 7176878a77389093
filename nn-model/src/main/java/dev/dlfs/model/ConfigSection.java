package dev.dlfs.model;

import dev.dlfs.model.internal.YamlNode;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One YAML mapping of a configuration being read. Its values are read by {@link Options}, the typed reader that
 * providers use for their options too, so a value means the same in every section; this class adds the mapping's
 * place in the file to every error.
 */
final class ConfigSection {
    private final YamlNode.Mapping node;
    private final Options options;
    private final String path;
    private final ConfigOrigin origin;

    private ConfigSection(YamlNode.Mapping node, String path, ConfigOrigin origin) {
        this.node = node;
        this.options = Options.of(plain(node));
        this.path = path;
        this.origin = origin;
    }

    /** Requires {@code value} to be a mapping, naming what the mapping should hold. */
    static ConfigSection of(YamlNode value, String path, ConfigOrigin origin, String expected) {
        if (value instanceof YamlNode.Mapping m) {
            return new ConfigSection(m, path, origin);
        }
        throw origin.error(path, "expected " + expected + ", found " + value.kind());
    }

    private static Map<String, Object> plain(YamlNode.Mapping node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.entries().forEach((k, e) -> out.put(k, e.value().toPlain()));
        return out;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return options.has(key);
    }

    /** The value's YAML node, for values with a structure of their own (shapes, lists of layers). */
    YamlNode get(String key) {
        YamlNode.Entry e = node.entries().get(key);
        return e == null ? null : e.value();
    }

    YamlNode require(String key) {
        if (!has(key)) {
            throw origin.error(path, "missing required key '" + key + "'");
        }
        return get(key);
    }

    /** Fails on the first key not in {@code known}, suggesting the nearest known key. */
    void rejectUnknown(List<String> known, String what) {
        for (String k : node.entries().keySet()) {
            if (!known.contains(k)) {
                throw origin.keyError(pathOf(k), "unknown key '" + k + "' in " + what + "; known keys: "
                        + String.join(", ", known) + Suggestions.didYouMean(k, known));
            }
        }
    }

    String string(String key, String fallback) {
        return located(() -> options.getString(key, fallback));
    }

    String requireString(String key) {
        require(key);
        return located(() -> options.requireString(key));
    }

    int wholeNumber(String key, int fallback, int min) {
        int n = located(() -> options.getInt(key, fallback));
        if (has(key) && n < min) {
            throw origin.error(pathOf(key), "expected a whole number of at least " + min + ", found " + n);
        }
        return n;
    }

    long longNumber(String key, long fallback) {
        return located(() -> options.getLong(key, fallback));
    }

    double number(String key, double fallback) {
        return located(() -> options.getDouble(key, fallback));
    }

    /** The other entries as plain option values, for a provider. */
    Map<String, Object> plainExcept(String... skip) {
        Map<String, Object> out = new LinkedHashMap<>(options.asMap());
        for (String k : skip) {
            out.remove(k);
        }
        return out;
    }

    private <T> T located(Supplier<T> read) {
        try {
            return read.get();
        } catch (OptionException e) {
            throw origin.fromOption(path, e);
        }
    }
}
