package dev.dlfs.data;

import java.io.IOException;

/** A data set's files are in none of the places searched; the message lists each place and what was missing. */
public class DatasetNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetNotFoundException(String message) {
        super(message);
    }
}
