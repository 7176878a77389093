package dev.dlfs.tensor.io;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The book's weight files as committed in the repository ({@code nn-model/src/test/resources/book-weights/}, with
 * their licence), so every clone has them and the tests that read them always run.
 */
final class BookWeights {
    private BookWeights() {
    }

    /** The committed file; a missing one is an error of the checkout, not a reason to skip. */
    static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        // Tests run in a module's folder; the repository root is the first folder up that holds nn-tensor.
        while (dir != null && !Files.isDirectory(dir.resolve("nn-tensor"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (a folder holding nn-tensor) above "
                    + Path.of("").toAbsolutePath());
        }
        Path p = dir.resolve("nn-model/src/test/resources/book-weights").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing; it is committed in the repository");
        }
        return p;
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
