package dev.dlfs.tensor.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The check before a file is read: it exists and is a file, not a folder. The operating system's own answer to
 * reading a folder ("Is a directory") names neither the path nor what was expected.
 */
public final class ReadableFile {
    private ReadableFile() {
    }

    /**
     * The size in bytes of {@code file}, about to be read as {@code kind} (e.g. {@code "a YAML configuration"}):
     * {@link NoSuchFileException} if it does not exist, a {@link FileSystemException} naming it if it is a folder.
     */
    public static long size(Path file, String kind) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not " + kind);
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return Files.size(file);
    }
}
