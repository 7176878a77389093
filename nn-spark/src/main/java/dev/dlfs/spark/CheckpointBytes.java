package dev.dlfs.spark;

import com.google.common.hash.Hashing;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A checkpoint file's content, read once on the driver and shipped to the executors with a broadcast, so that they
 * need not see the driver's file system; executors load it into networks keyed by its path and content hash.
 *
 * @param path   where the driver read it (for messages and the key)
 * @param sha256 the content's hash, hex
 * @param bytes  the {@code .npz} content
 */
record CheckpointBytes(String path, String sha256, byte[] bytes) implements Serializable {
    static CheckpointBytes read(String path) {
        try {
            byte[] b = Files.readAllBytes(Path.of(path));
            return new CheckpointBytes(path, Hashing.sha256().hashBytes(b).toString(), b);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + path + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** The key of this content's networks in an executor. */
    String key() {
        return "checkpoint:" + path + "#" + sha256;
    }

    /** The checkpoint's network: loaded from a private temporary copy (the loader reads files). */
    Network load() {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("dlfs-checkpoint-", ".npz");
            Files.write(tmp, bytes);
            return Checkpoint.load(tmp).network();
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + path + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless; the load's outcome is what matters
                }
            }
        }
    }
}
