package dev.dlfs.model;

import dev.dlfs.model.internal.YamlNode;
import dev.dlfs.tensor.spi.Suggestions;
import java.util.List;
import java.util.Map;

/** One YAML mapping of a configuration being read, with typed getters whose errors point into the file. */
final class ConfigSection {
    private final YamlNode.Mapping node;
    private final String path;
    private final ConfigOrigin origin;

    ConfigSection(YamlNode.Mapping node, String path, ConfigOrigin origin) {
        this.node = node;
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

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        YamlNode.Entry e = node.entries().get(key);
        return e != null && !(e.value() instanceof YamlNode.Scalar s && s.value() == null);
    }

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
        return has(key) ? string(require(key), pathOf(key)) : fallback;
    }

    String string(YamlNode v, String at) {
        if (v instanceof YamlNode.Scalar s && s.value() instanceof String str) {
            return str;
        }
        throw origin.error(at, "expected a name, found " + v.kind());
    }

    int wholeNumber(String key, int fallback, int min) {
        return has(key) ? wholeNumber(require(key), pathOf(key), min) : fallback;
    }

    int wholeNumber(YamlNode v, String at, int min) {
        if (v instanceof YamlNode.Scalar s && (s.value() instanceof Integer || s.value() instanceof Long)) {
            long n = ((Number) s.value()).longValue();
            if (n >= min && n <= Integer.MAX_VALUE) {
                return (int) n;
            }
            throw origin.error(at, "expected a whole number of at least " + min + ", found " + n);
        }
        throw origin.error(at, "expected a whole number, found " + v.kind());
    }

    long longNumber(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (get(key) instanceof YamlNode.Scalar s && (s.value() instanceof Integer || s.value() instanceof Long)) {
            return ((Number) s.value()).longValue();
        }
        throw origin.error(pathOf(key), "expected a whole number, found " + get(key).kind());
    }

    double number(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (get(key) instanceof YamlNode.Scalar s) {
            if (s.value() instanceof Number n) {
                return n.doubleValue();
            }
            if (s.value() instanceof String str) {
                try {
                    return Double.parseDouble(str.trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw origin.error(pathOf(key), "expected a number, found " + get(key).kind());
    }

    /** The other entries as plain option values, for a provider. */
    Map<String, Object> plainExcept(String... skip) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        node.entries().forEach((k, e) -> {
            if (!List.of(skip).contains(k)) {
                out.put(k, e.value().toPlain());
            }
        });
        return out;
    }
}
