package dev.dlfs.data;

import java.io.IOException;

/**
 * A data file is not what it claims to be: bad magic, unknown type code, truncated, inconsistent with its partner
 * file, a label out of range, a non-numeric CSV cell. The message names the file and what is wrong; nothing of the
 * file is returned.
 */
public class MalformedDataException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;

    /** {@code source} names the file (or stream); {@code problem} says what is wrong with it. */
    public MalformedDataException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /** The file or stream at fault. */
    public String source() {
        return source;
    }
}
