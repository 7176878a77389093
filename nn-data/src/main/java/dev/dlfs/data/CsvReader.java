package dev.dlfs.data;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a CSV file of numbers with one label column into a {@link Dataset}: the other columns become the features
 * {@code (N, columns - 1)}, the labels become class indices {@code (N,)}.
 *
 * <pre>{@code
 * // x1,x2,label
 * // 0.5,1.25,0
 * Dataset d = CsvReader.read(Path.of("points.csv"), CsvFormat.DEFAULT.withLabelColumn("label"), DType.FLOAT32);
 * }</pre>
 * Cells are plain decimal numbers ({@code 1}, {@code -0.5}, {@code 2.5e-3}); anything else, a row of the wrong
 * width or a label that is not a class index fails with the line and column. Blank lines are skipped.
 */
public final class CsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvReader() {
    }

    /** Reads {@code file}; labels become index targets of {@code dtype}. */
    public static Dataset read(Path file, CsvFormat format, DType dtype) throws IOException {
        String source = file.toString();
        List<String> header = null;
        int columns = -1;
        int labelColumn = -1;
        double[] features = new double[1024];
        int[] labels = new int[64];
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line, format.delimiter());
                if (columns < 0) {
                    columns = cells.length;
                    if (columns < 2) {
                        throw new MalformedDataException(source, "line " + lineNo + " has " + columns
                                + " column; a CSV data set needs at least one feature and a label (delimiter '"
                                + format.delimiter() + "')");
                    }
                    if (isHeader(cells, format.header())) {
                        header = Arrays.asList(cells);
                        labelColumn = labelColumn(source, format.labelColumn(), columns, header);
                        continue;
                    }
                    labelColumn = labelColumn(source, format.labelColumn(), columns, null);
                }
                if (cells.length != columns) {
                    throw new MalformedDataException(source, "line " + lineNo + " has " + cells.length
                            + " columns, expected " + columns + " like the first line");
                }
                if ((rows + 1) * (columns - 1) > features.length) {
                    features = Arrays.copyOf(features, 2 * Math.max(features.length, (rows + 1) * (columns - 1)));
                }
                if (rows == labels.length) {
                    labels = Arrays.copyOf(labels, 2 * labels.length);
                }
                int f = rows * (columns - 1);
                for (int c = 0; c < columns; c++) {
                    double v = number(source, lineNo, c, cells[c], header);
                    if (c == labelColumn) {
                        labels[rows] = label(source, lineNo, c, v, format.classes());
                    } else {
                        features[f++] = feature(source, lineNo, c, cells[c], v, dtype);
                    }
                }
                rows++;
            }
        }
        if (rows == 0) {
            throw new MalformedDataException(source, "no data rows");
        }
        int[] y = Arrays.copyOf(labels, rows);
        int classes = format.classes() > 0 ? format.classes() : Arrays.stream(y).max().orElse(0) + 1;
        double[] x = Arrays.copyOf(features, rows * (columns - 1));
        Tensor xt = dtype == DType.FLOAT64 ? Tensor.wrap(x, rows, columns - 1)
                : Tensor.wrap(x, rows, columns - 1).to(DType.FLOAT32);
        return new Dataset(file.getFileName().toString(), xt, Labels.indices(y, dtype), classes, List.of());
    }

    private static String[] split(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                out.add(unquote(line.substring(start, i).strip()));
                start = i + 1;
            }
        }
        return out.toArray(String[]::new);
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).strip() : cell;
    }

    private static boolean isHeader(String[] cells, CsvFormat.Header mode) {
        return switch (mode) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> Arrays.stream(cells).noneMatch(c -> NUMBER.matcher(c).matches());
        };
    }

    private static int labelColumn(String source, String spec, int columns, List<String> header)
            throws MalformedDataException {
        int index;
        try {
            index = Integer.parseInt(spec.strip());
        } catch (NumberFormatException e) {
            if (header == null) {
                throw new MalformedDataException(source, "label column '" + spec
                        + "' is a name, but the file has no header line (or give the column's index)");
            }
            index = header.indexOf(spec.strip());
            if (index < 0) {
                throw new MalformedDataException(source, "no column named '" + spec + "'; columns: "
                        + String.join(", ", header));
            }
            return index;
        }
        int resolved = index < 0 ? index + columns : index;
        if (resolved < 0 || resolved >= columns) {
            throw new MalformedDataException(source, "label column " + index + " is out of range for " + columns
                    + " columns");
        }
        return resolved;
    }

    private static double number(String source, int line, int column, String cell, List<String> header)
            throws MalformedDataException {
        if (!NUMBER.matcher(cell).matches()) {
            String hint = line == 1 && header == null ? " (if line 1 is a header, say so: header: true)" : "";
            throw new MalformedDataException(source, "line " + line + ", column " + (column + 1) + ": "
                    + (cell.isEmpty() ? "empty cell" : "'" + cell + "' is not a number") + hint);
        }
        return Double.parseDouble(cell);
    }

    /** A feature that the tensor can hold: an overflow caught here would otherwise surface as a NaN loss. */
    private static double feature(String source, int line, int column, String cell, double v, DType dtype)
            throws MalformedDataException {
        double largest = dtype == DType.FLOAT64 ? Double.MAX_VALUE : Float.MAX_VALUE;
        if (!(Math.abs(v) <= largest)) {
            throw new MalformedDataException(source, "line " + line + ", column " + (column + 1) + ": " + cell
                    + " overflows " + dtype.label() + " (largest "
                    + String.format(java.util.Locale.ROOT, "%.4g", largest) + "); rescale the column"
                    + (dtype == DType.FLOAT64 ? "" : " or read it as dtype: float64"));
        }
        return v;
    }

    private static int label(String source, int line, int column, double v, int classes)
            throws MalformedDataException {
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new MalformedDataException(source, "line " + line + ", column " + (column + 1)
                    + ": label " + v + " is not a class index (a whole number >= 0)");
        }
        if (classes > 0 && v >= classes) {
            throw new MalformedDataException(source, "line " + line + ", column " + (column + 1)
                    + ": label " + (long) v + " is out of range [0, " + classes + ")");
        }
        return (int) v;
    }
}
