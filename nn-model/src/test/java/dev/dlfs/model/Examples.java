package dev.dlfs.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped configurations in the repository's {@code examples/} folder and the book's weights in test resources. */
final class Examples {
    private Examples() {
    }

    /** {@code examples/<file>}, found from the module directory the tests run in. */
    static Path path(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("examples").resolve(file);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("examples/" + file + " not found above " + Path.of("").toAbsolutePath());
    }

    static NetworkConfig config(String file) throws IOException {
        return NetworkConfig.load(path(file));
    }

    /** A file of the book's weights, copied into the test resources with their licence. */
    static Path bookWeights(String file) {
        return Path.of("src", "test", "resources", "book-weights", file);
    }
}
