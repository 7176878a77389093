package dev.dlfs.model;

/**
 * A configuration is wrong: names the file, line and column (when the configuration came from a file), the path of
 * the offending entry (e.g. {@code layers[2].units}) and the problem, in the form
 * {@code examples/two-layer-net.yaml:7:15: layers[2].units: expected a whole number, found 'fifty'}.
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    /**
     * @param file    the file the configuration was read from, or null for one built in code
     * @param line    1-based line, or 0 when unknown
     * @param column  1-based column, or 0 when unknown
     * @param path    the entry's path, e.g. {@code training.batch-size}; empty for the whole document
     * @param problem what is wrong and what was expected
     */
    public ConfigException(String file, int line, int column, String path, String problem, Throwable cause) {
        super(format(file, line, column, path, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    public ConfigException(String file, int line, int column, String path, String problem) {
        this(file, line, column, path, problem, null);
    }

    private static String format(String file, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(':');
            if (line > 0) {
                sb.append(line).append(':').append(column).append(':');
            }
            sb.append(' ');
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file, or null for a configuration built in code. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** Path of the offending entry, e.g. {@code layers[2].units}; empty for the whole document. */
    public String path() {
        return path;
    }

    /** The problem without file, position and path. */
    public String problem() {
        return problem;
    }
}
