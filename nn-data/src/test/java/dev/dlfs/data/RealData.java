package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/**
 * A real data set for the tests that check published facts about it, parsed once per test class. When the data is
 * missing, CI fails at once (CI must have it); elsewhere a loud message is printed and every test that asks for the
 * data is aborted, which JUnit reports as skipped, never as passed.
 */
final class RealData {
    private final DataSplit split;
    private final String missing;

    private RealData(DataSplit split, String missing) {
        this.split = split;
        this.missing = missing;
    }

    static RealData load(MnistKind kind, ImageFormat format) throws IOException {
        try {
            return new RealData(Mnist.load(kind, format), null);
        } catch (DatasetNotFoundException e) {
            String where = "\n*** " + e.getMessage().replace("\n", "\n*** ") + "\n";
            if (System.getenv("CI") != null) {
                fail("\n*** REAL DATA MISSING in CI: " + kind.sourceName() + " must be installed before the tests run"
                        + " (scripts/test.sh does it)." + where);
            }
            System.err.println("\n*** REAL DATA MISSING: " + kind.sourceName() + " is not on this machine, so the"
                    + " tests that check it against its published facts do NOT run: they are reported as SKIPPED,"
                    + " not passed." + where);
            return new RealData(null, kind.sourceName() + " is not on this machine (see the message above); "
                    + "skipped, not passed");
        }
    }

    boolean present() {
        return split != null;
    }

    /** How many samples of each class {@code d} holds. */
    static int[] classCounts(Dataset d) {
        int[] c = new int[d.classes()];
        for (int y : Labels.of(d.t())) {
            c[y]++;
        }
        return c;
    }

    /** The data, or an aborted (skipped) test when it is missing. */
    DataSplit get() {
        if (split == null) {
            Assumptions.abort(missing);
        }
        return split;
    }
}
