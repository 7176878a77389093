package dev.dlfs.model;

import java.io.IOException;

/**
 * Weights that do not fit the network they are loaded into: an array missing, extra, of another shape or not of
 * floating-point numbers. The file itself is fine; it belongs to another network. The message names the file, every
 * mismatch and the arrays the network has.
 */
public class WeightsMismatchException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;

    public WeightsMismatchException(String source, String message) {
        super(message);
        this.source = source;
    }

    /** The file the weights came from. */
    public String source() {
        return source;
    }
}
