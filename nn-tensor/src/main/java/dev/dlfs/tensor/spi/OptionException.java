package dev.dlfs.tensor.spi;

/**
 * A configuration option is missing, unknown or of the wrong type. {@link #path()} names it
 * (e.g. {@code init.std}) so that a caller holding the source file can add the line and column.
 */
public class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public OptionException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** Dotted path of the offending option within the options it was read from; empty for the whole map. */
    public String path() {
        return path;
    }
}
