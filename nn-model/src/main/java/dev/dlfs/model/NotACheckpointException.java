package dev.dlfs.model;

import dev.dlfs.tensor.io.NpyFormatException;

/**
 * A readable {@code .npz} that is not a dlfs checkpoint: it holds no configuration member, so there is no network
 * to build; often weights saved the book's way ({@code W1, b1, …}), which need a configuration to go with them.
 */
public class NotACheckpointException extends NpyFormatException {
    private static final long serialVersionUID = 1L;
    private final String file;

    public NotACheckpointException(String file, String message) {
        super(message);
        this.file = file;
    }

    /** The file that is not a checkpoint. */
    public String file() {
        return file;
    }
}
