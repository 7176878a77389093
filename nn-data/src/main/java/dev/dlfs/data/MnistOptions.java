package dev.dlfs.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@link Mnist} finds its files.
 *
 * @param dir      a directory to look in first, or null
 * @param download whether missing files may be downloaded (never by default)
 * @param mirrors  base URLs to download from, tried in order; empty means the environment variable
 *                 ({@link MnistKind#mirrorsVariable()}) if set, else {@link MnistKind#defaultMirrors()}
 * @param verify   check each file's SHA-256 against the published one before use (on by default; costs a few tens
 *                 of milliseconds)
 */
public record MnistOptions(Path dir, boolean download, List<URI> mirrors, boolean verify) {
    /** Default locations, no download, verified. */
    public static final MnistOptions DEFAULT = new MnistOptions(null, false, List.of(), true);

    public MnistOptions {
        mirrors = List.copyOf(mirrors);
    }

    public MnistOptions withDir(Path d) {
        return new MnistOptions(d, download, mirrors, verify);
    }

    public MnistOptions withDownload(boolean d) {
        return new MnistOptions(dir, d, mirrors, verify);
    }

    public MnistOptions withMirrors(List<URI> m) {
        return new MnistOptions(dir, download, m, verify);
    }

    public MnistOptions withVerify(boolean v) {
        return new MnistOptions(dir, download, mirrors, v);
    }
}
