package dev.dlfs.data;

/**
 * How {@link CsvReader} reads a CSV file of numbers with one label column.
 *
 * @param delimiter   the cell separator, {@code ,} by default
 * @param header      whether line 1 names the columns; {@code AUTO} takes it as a header when none of its cells is a
 *                    number
 * @param labelColumn the label column: a 0-based index (negative counts from the end, {@code -1} is the last
 *                    column, the default) or a header name
 * @param classes     number of classes; labels must lie in {@code [0, classes)}. 0 infers it as the largest label + 1
 */
public record CsvFormat(char delimiter, Header header, String labelColumn, int classes) {
    /** Whether the first line is a header. */
    public enum Header { AUTO, PRESENT, ABSENT }

    /** Comma-separated, header detected, label in the last column, classes inferred. */
    public static final CsvFormat DEFAULT = new CsvFormat(',', Header.AUTO, "-1", 0);

    public CsvFormat {
        if (delimiter == '"' || delimiter == '.' || delimiter == '-' || delimiter == '+' || Character.isDigit(delimiter)
                || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("CSV delimiter '" + delimiter + "' would split numbers");
        }
        if (classes < 0) {
            throw new IllegalArgumentException("CSV classes must be >= 0 (0 infers them), found " + classes);
        }
    }

    public CsvFormat withDelimiter(char d) {
        return new CsvFormat(d, header, labelColumn, classes);
    }

    public CsvFormat withHeader(Header h) {
        return new CsvFormat(delimiter, h, labelColumn, classes);
    }

    /** A column index ({@code "0"}, {@code "-1"}) or a header name ({@code "label"}). */
    public CsvFormat withLabelColumn(String column) {
        return new CsvFormat(delimiter, header, column, classes);
    }

    public CsvFormat withClasses(int c) {
        return new CsvFormat(delimiter, header, labelColumn, c);
    }
}
