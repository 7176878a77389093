package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.DatasetNotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/**
 * Real MNIST and Fashion-MNIST for the tests that check published numbers, loaded once per layout. When the data is
 * missing, CI fails (it must have it: scripts/test.sh installs it); elsewhere the tests are aborted with a loud
 * message, which JUnit reports as skipped, never as passed.
 */
final class RealMnist {
    // One data set at a time: the tests run within -Xmx1g, like the training runs they stand for.
    private static String cachedKey;
    private static DataSplit cached;

    private RealMnist() {
    }

    /** The data a configuration's {@code data} section names, or an aborted test when it is not installed. */
    static synchronized DataSplit load(NetworkConfig config) throws IOException {
        String key = config.dtype() + " " + config.data();
        if (key.equals(cachedKey)) {
            return cached;
        }
        cached = null;
        cachedKey = null;
        try {
            DataSplit split = config.loadData();
            cached = split;
            cachedKey = key;
            return split;
        } catch (DatasetNotFoundException e) {
            String where = "\n*** " + e.getMessage().replace("\n", "\n*** ") + "\n";
            if (System.getenv("CI") != null) {
                fail("\n*** REAL DATA MISSING in CI: " + config.data().source() + " must be installed before the"
                        + " tests run (scripts/test.sh does it)." + where);
            }
            System.err.println("\n*** REAL DATA MISSING: " + config.data().source() + " is not on this machine, so"
                    + " the tests of published results do NOT run: they are reported as SKIPPED, not passed." + where);
            Assumptions.abort(config.data().source() + " is not on this machine; skipped, not passed");
            throw new AssertionError("unreachable");
        }
    }
}
