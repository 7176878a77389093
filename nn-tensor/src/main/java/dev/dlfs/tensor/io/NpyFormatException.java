package dev.dlfs.tensor.io;

import java.io.IOException;

/** A {@code .npy} or {@code .npz} file is malformed or holds something unsupported; the message names the file. */
public class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NpyFormatException(String message) {
        super(message);
    }

    public NpyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
