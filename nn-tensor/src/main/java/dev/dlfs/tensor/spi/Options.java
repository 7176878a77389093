package dev.dlfs.tensor.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one configured item (a layer, a loss, an optimizer, a data source), as read from YAML or given in
 * code: an immutable map with typed getters whose errors name the option.
 *
 * <p>Every getter records the key it was asked for, so after a provider has built its item,
 * {@link #rejectUnknown(String)} can refuse keys nobody asked for and suggest the nearest known one:
 * {@code layer 'affine': unknown option 'unit'; known options: init, units; did you mean 'units'?}.
 *
 * <pre>{@code
 * Options o = Options.of(Map.of("units", 50, "init", Map.of("std", 0.01)));
 * int units = o.requireInt("units");                         // 50
 * double std = o.options("init").getDouble("std", 0.01);     // 0.01
 * }</pre>
 */
public final class Options {
    private final Map<String, Object> values;
    private final String path;
    private final Set<String> requested = Collections.synchronizedSet(new LinkedHashSet<>());
    // Nested options handed out, so rejectUnknown checks them too: one options(key) call, one object to check.
    private final Map<String, Options> nested = Collections.synchronizedMap(new LinkedHashMap<>());

    private Options(Map<String, ?> values, String path) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.path = path;
    }

    /** Options from a map of option name to value (numbers, strings, booleans, lists, nested maps). */
    public static Options of(Map<String, ?> values) {
        return new Options(values, "");
    }

    /** No options. */
    public static Options empty() {
        return of(Map.of());
    }

    /** The option names present. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The raw values, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Whether the option is present; records the key as known. */
    public boolean has(String key) {
        requested.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    /** This map's path within its configuration, e.g. {@code init} for nested options; empty at the top. */
    public String path() {
        return path;
    }

    /** A copy with one option set (or replaced). */
    public Options with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new Options(m, path);
    }

    public String requireString(String key) {
        return string(key, require(key));
    }

    public String getString(String key, String fallback) {
        return has(key) ? string(key, values.get(key)) : fallback;
    }

    public int requireInt(String key) {
        return integer(key, require(key));
    }

    public int getInt(String key, int fallback) {
        return has(key) ? integer(key, values.get(key)) : fallback;
    }

    public long getLong(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw wrongType(key, "a whole number", v);
    }

    public double requireDouble(String key) {
        return number(key, require(key));
    }

    public double getDouble(String key, double fallback) {
        return has(key) ? number(key, values.get(key)) : fallback;
    }

    public boolean getBoolean(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false", v);
    }

    /** A list of whole numbers such as {@code [2, 2]}; a single number {@code n} counts as {@code [n]}. */
    public int[] getInts(String key, int[] fallback) {
        if (!has(key)) {
            return fallback == null ? null : fallback.clone();
        }
        Object v = values.get(key);
        if (v instanceof Number) {
            return new int[] {integer(key, v)};
        }
        if (v instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = integer(key + "[" + i + "]", list.get(i));
            }
            return out;
        }
        throw wrongType(key, "a list of whole numbers", v);
    }

    /**
     * Nested options (a map value); an absent key gives empty options. A string value {@code s} gives {type: s}.
     * The same key gives the same object, whose unread keys {@link #rejectUnknown} reports too.
     */
    public Options options(String key) {
        boolean present = has(key);
        return nested.computeIfAbsent(key,
                k -> present ? nestedFrom(k, values.get(k)) : new Options(Map.of(), join(k)));
    }

    private Options nestedFrom(String key, Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, val) -> copy.put(String.valueOf(k), val));
            return new Options(copy, join(key));
        }
        if (v instanceof String s) {
            return new Options(Map.of("type", s), join(key));
        }
        throw wrongType(key, "a map of options", v);
    }

    /** The raw value, or null. */
    public Object raw(String key) {
        requested.add(key);
        return values.get(key);
    }

    /** Keys present that no getter asked for. */
    public List<String> unknownKeys() {
        List<String> out = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!requested.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Fails on the first option nobody asked for, naming {@code owner} (e.g. {@code layer 'affine'}), the known
     * options and the nearest one; then checks the nested options read through {@link #options(String)} the same way
     * ({@code layer 'affine' init: unknown option …}).
     */
    public void rejectUnknown(String owner) {
        List<String> unknown = unknownKeys();
        if (unknown.isEmpty()) {
            Map<String, Options> children;
            synchronized (nested) {
                children = new LinkedHashMap<>(nested);
            }
            children.forEach((key, child) -> child.rejectUnknown(owner + " " + key));
        } else {
            String k = unknown.get(0);
            List<String> known = new ArrayList<>(requested);
            Collections.sort(known);
            throw new OptionException(join(k), owner + ": unknown option '" + k + "'; known options: "
                    + (known.isEmpty() ? "(none)" : String.join(", ", known)) + Suggestions.didYouMean(k, known));
        }
    }

    private Object require(String key) {
        if (!has(key)) {
            throw new OptionException(join(key), "missing required option '" + key + "'");
        }
        return values.get(key);
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String string(String key, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw wrongType(key, "a string", v);
    }

    private int integer(String key, Object v) {
        if (v instanceof Number n) {
            double x = n.doubleValue();
            if (x == Math.rint(x) && Math.abs(x) <= Integer.MAX_VALUE) {
                return n.intValue();
            }
        }
        throw wrongType(key, "a whole number", v);
    }

    private double number(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the type error below
            }
        }
        throw wrongType(key, "a number", v);
    }

    private OptionException wrongType(String key, String expected, Object v) {
        String found = v == null ? "nothing" : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
        return new OptionException(join(key), "option '" + key + "' must be " + expected + ", found " + found);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
