package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.data.ImageFormat;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.nio.file.Path;
import java.util.List;

/** The options several built-in data sources share, read the same way everywhere. */
final class SourceOptions {
    private SourceOptions() {
    }

    /** {@code dtype}: float32 (default) or float64. */
    static DType dtype(Options o) {
        String s = o.getString("dtype", "float32");
        try {
            return DType.parse(s);
        } catch (IllegalArgumentException e) {
            throw new OptionException(optionPath(o, "dtype"), "option 'dtype': " + e.getMessage());
        }
    }

    /** {@code normalize} (default true), {@code flatten} (true), {@code one-hot} (false), {@code dtype}. */
    static ImageFormat imageFormat(Options o) {
        return new ImageFormat(o.getBoolean("normalize", true), o.getBoolean("flatten", true),
                o.getBoolean("one-hot", false), dtype(o));
    }

    static Path path(Options o, String key) {
        return Path.of(o.requireString(key));
    }

    /** A list option that may also be written as one string of items separated by commas or spaces. */
    static List<String> strings(Options o, String key) {
        Object v = o.raw(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v).strip().split("[,\\s]+"));
    }

    /**
     * The train and test sets of a source whose test set is either loaded ({@code test} not null) or held out of the
     * training data by {@code test-fraction} (default 0.2) with {@code seed} (default 0).
     */
    static DataSplit withTest(Options o, String name, Dataset train, Dataset test) {
        if (test == null) {
            return HoldOut.split(train, name, o.getDouble("test-fraction", 0.2), o.getLong("seed", 0));
        }
        if (o.has("test-fraction")) {
            throw new OptionException(optionPath(o, "test-fraction"), name
                    + ": give either a test set or test-fraction, not both");
        }
        return new DataSplit(train, test);
    }

    static String optionPath(Options o, String key) {
        return o.path().isEmpty() ? key : o.path() + "." + key;
    }
}
