package dev.dlfs.examples;

import java.nio.file.Path;

/**
 * The dlfs repository the app runs from: the {@code ./dlfs} launcher passes it as the system property
 * {@code dlfs.home}; without it, the working directory. Shipped configurations ({@code examples/}) and scripts
 * ({@code scripts/}) are found from here.
 */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    public static Path path() {
        String home = System.getProperty("dlfs.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath();
    }
}
