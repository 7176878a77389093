package dev.dlfs.data.internal;

import dev.dlfs.data.CsvFormat;
import dev.dlfs.data.CsvReader;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.data.Labels;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;

/**
 * Source {@code csv}: numbers with a label column. Options: {@code train} (required), {@code test}, or else
 * {@code test-fraction} (0.2) and {@code seed} (0) to hold out a test set; {@code label-column} (index or header
 * name, default -1: the last), {@code header} (auto, true, false), {@code delimiter} (",", or "tab"),
 * {@code classes} (default: largest label + 1), {@code one-hot} (false), {@code dtype} (float32).
 */
final class CsvSource implements Source {
    @Override
    public DataSplit load(String name, Options o) throws IOException {
        CsvFormat format = new CsvFormat(delimiter(o), header(o), o.getString("label-column", "-1"),
                o.getInt("classes", 0));
        DType dtype = SourceOptions.dtype(o);
        boolean oneHot = o.getBoolean("one-hot", false);
        Dataset train = CsvReader.read(SourceOptions.path(o, "train"), format, dtype);
        Dataset test = o.has("test") ? CsvReader.read(SourceOptions.path(o, "test"), format, dtype) : null;
        int classes = Math.max(train.classes(), test == null ? 0 : test.classes());
        return SourceOptions.withTest(o, "csv", targets(train, classes, oneHot),
                test == null ? null : targets(test, classes, oneHot));
    }

    // Train and test files may each lack the highest class; both get the same class count.
    private static Dataset targets(Dataset d, int classes, boolean oneHot) {
        return new Dataset(d.name(), d.x(), Labels.targets(Labels.of(d.t()), classes, oneHot, d.t().dtype()), classes,
                d.classNames());
    }

    private static char delimiter(Options o) {
        String d = o.getString("delimiter", ",");
        if (d.equals("tab") || d.equals("\t")) {
            return '\t';
        }
        if (d.length() != 1) {
            throw new OptionException(SourceOptions.optionPath(o, "delimiter"),
                    "option 'delimiter' must be one character or 'tab', found '" + d + "'");
        }
        return d.charAt(0);
    }

    private static CsvFormat.Header header(Options o) {
        Object v = o.raw("header");
        if (v == null || "auto".equals(v)) {
            return CsvFormat.Header.AUTO;
        }
        if (v instanceof Boolean b) {
            return b ? CsvFormat.Header.PRESENT : CsvFormat.Header.ABSENT;
        }
        throw new OptionException(SourceOptions.optionPath(o, "header"),
                "option 'header' must be auto, true or false, found " + v);
    }
}
