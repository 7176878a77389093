package dev.dlfs.tensor.io;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Finds the book's weight files in {@code ../shared/data/book-weights/} relative to the repository root. */
final class BookWeights {
    private BookWeights() {
    }

    /** The file, or null when it is not there. */
    static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        // Tests run in a module's folder; the repository root is the first folder up that holds nn-tensor.
        while (dir != null && !Files.isDirectory(dir.resolve("nn-tensor"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return null;
        }
        Path p = dir.resolve("../shared/data/book-weights").resolve(name).normalize();
        return Files.isRegularFile(p) ? p : null;
    }

    static String sha256(Path p) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
