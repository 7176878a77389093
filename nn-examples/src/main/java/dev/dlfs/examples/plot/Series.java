package dev.dlfs.examples.plot;

import java.awt.Color;

/**
 * One curve of a {@link LinePlot}: points {@code (x[i], y[i])}, drawn as a line, as markers, or both.
 *
 * @param label  shown in the legend; {@code null} keeps the series out of it (e.g. contour lines)
 * @param x      x values
 * @param y      y values, same length as {@code x}; non-finite values break the line
 * @param color  the colour, or {@code null} for the next colour of the palette
 * @param style  how the points are drawn
 */
public record Series(String label, double[] x, double[] y, Color color, Style style) {
    /** How a series is drawn. */
    public enum Style { LINE, DASHED, MARKERS, LINE_AND_MARKERS }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values but " + y.length
                    + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    /** A solid line in the palette's next colour. */
    public static Series line(String label, double[] x, double[] y) {
        return new Series(label, x, y, null, Style.LINE);
    }

    /** A solid line over {@code x = 0, 1, 2, …}. */
    public static Series line(String label, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return line(label, x, y);
    }

    /** The same points in another colour. */
    public Series withColor(Color c) {
        return new Series(label, x, y, c, style);
    }

    /** The same points drawn another way. */
    public Series withStyle(Style s) {
        return new Series(label, x, y, color, s);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    int size() {
        return x.length;
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }
}
