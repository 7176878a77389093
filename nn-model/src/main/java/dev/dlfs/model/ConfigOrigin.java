package dev.dlfs.model;

import dev.dlfs.tensor.spi.OptionException;
import java.util.Map;

/**
 * Where a configuration came from: its file and the line and column of every entry, so that a problem found later
 * (a layer option a plugin rejects, an impossible shape) can still point into the file.
 */
public final class ConfigOrigin {
    /** The position of one entry's key and of its value (1-based; 0 when unknown). */
    record Position(int keyLine, int keyColumn, int valueLine, int valueColumn) {
    }

    private static final ConfigOrigin NONE = new ConfigOrigin(null, Map.of());

    private final String file;
    private final Map<String, Position> positions;

    ConfigOrigin(String file, Map<String, Position> positions) {
        this.file = file;
        this.positions = Map.copyOf(positions);
    }

    /** The origin of a configuration built in code: errors carry the path only. */
    public static ConfigOrigin none() {
        return NONE;
    }

    /** The file, or null for a configuration built in code. */
    public String file() {
        return file;
    }

    /** An error about the value at {@code path} (or, if that entry is absent, the nearest enclosing one). */
    public ConfigException error(String path, String problem) {
        return at(path, problem, false, null);
    }

    /** An error about the value at {@code path} that {@code cause} found (kept for its type and stack trace). */
    public ConfigException error(String path, String problem, Throwable cause) {
        return at(path, problem, false, cause);
    }

    /** An error about the key at {@code path}, e.g. an unknown key. */
    public ConfigException keyError(String path, String problem) {
        return at(path, problem, true, null);
    }

    /**
     * Maps an option error from a provider that was given the options under {@code prefix} (e.g. {@code layers[2]})
     * back to the file: the option's path is appended to the prefix.
     */
    public ConfigException fromOption(String prefix, OptionException e) {
        String sub = e.path() == null ? "" : e.path();
        String path = prefix.isEmpty() ? sub : sub.isEmpty() ? prefix : prefix + "." + sub;
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return at(path, message, message.contains("unknown option"), e);
    }

    private ConfigException at(String path, String problem, boolean key, Throwable cause) {
        Position p = find(path);
        int line = p == null ? 0 : key ? p.keyLine() : p.valueLine();
        int column = p == null ? 0 : key ? p.keyColumn() : p.valueColumn();
        return new ConfigException(file, line, column, path, problem, cause);
    }

    private Position find(String path) {
        String p = path;
        while (true) {
            Position found = positions.get(p);
            if (found != null || p.isEmpty()) {
                return found;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
