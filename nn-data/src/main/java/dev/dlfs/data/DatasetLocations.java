package dev.dlfs.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a named data set is looked for, in order: an explicit directory; {@code $DLFS_DATA/<name>};
 * {@code ~/.dlfs/datasets/<name>}; the system locations {@code /usr/share/datasets/<name>} (Debian's dataset
 * packages install there) and {@code /usr/local/share/datasets/<name>}. Downloads go to the explicit directory if
 * given, else to {@code $DLFS_DATA/<name>}, else to {@code ~/.dlfs/datasets/<name>}.
 *
 * <p>{@code DLFS_DATA} names a root holding one directory per data set, never the data set itself: MNIST and
 * Fashion-MNIST use the same file names, and must not be mistaken for one another.
 *
 * @param locations   the places to search, in order
 * @param downloadDir where downloaded files go
 */
record DatasetLocations(List<Location> locations, Path downloadDir) {
    static final String DATA_VARIABLE = "DLFS_DATA";

    /** One place to look; {@code dir} is null when its origin is not configured (e.g. DLFS_DATA unset). */
    record Location(String origin, Path dir) {
    }

    public DatasetLocations {
        locations = List.copyOf(locations);
    }

    /** The standard search for {@code name}, from this process's environment and home directory. */
    static DatasetLocations standard(String name, Path explicitDir) {
        return of(name, explicitDir, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The search for {@code name} with the given environment and home directory. */
    static DatasetLocations of(String name, Path explicitDir, Map<String, String> env, Path home) {
        List<Location> out = new ArrayList<>();
        if (explicitDir != null) {
            out.add(new Location("the given directory", explicitDir));
        }
        String root = env.get(DATA_VARIABLE);
        Path fromEnv = root == null || root.isBlank() ? null : Path.of(root).resolve(name);
        out.add(new Location(DATA_VARIABLE + (fromEnv == null ? " (not set)" : ""), fromEnv));
        Path user = home.resolve(".dlfs").resolve("datasets").resolve(name);
        out.add(new Location("the user's data directory", user));
        out.add(new Location("system data sets", Path.of("/usr/share/datasets").resolve(name)));
        out.add(new Location("local system data sets", Path.of("/usr/local/share/datasets").resolve(name)));
        Path download = explicitDir != null ? explicitDir : fromEnv != null ? fromEnv : user;
        return new DatasetLocations(out, download);
    }
}
