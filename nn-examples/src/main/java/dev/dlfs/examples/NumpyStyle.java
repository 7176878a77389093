package dev.dlfs.examples;

import dev.dlfs.tensor.Tensor;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints numbers the way the book's NumPy sessions show them ({@code [0.31682708 0.69627909]}), so an example's
 * output can be read side by side with the book.
 */
public final class NumpyStyle {
    private NumpyStyle() {
    }

    /** A 1-D array with NumPy's default 8 decimals and trailing zeros dropped, e.g. {@code [0.3 2.9 4. ]}. */
    public static String array(double[] values) {
        String[] parts = new String[values.length];
        if (needsScientific(values)) {
            for (int i = 0; i < values.length; i++) {
                parts[i] = String.format(java.util.Locale.ROOT, "%.8e", values[i]);
            }
            return "[" + String.join(" ", parts) + "]";
        }
        int decimals = 0;
        for (double v : values) {
            decimals = Math.max(decimals, decimalsNeeded(v));
        }
        int width = 0;
        for (int i = 0; i < values.length; i++) {
            parts[i] = fixed(values[i], decimals);
            width = Math.max(width, parts[i].length());
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(" ".repeat(width - parts[i].length())).append(parts[i]);
        }
        return sb.append(']').toString();
    }

    /** A tensor of rank 1 or 2 as {@link #array} rows. */
    public static String array(Tensor t) {
        if (t.rank() == 1) {
            return array(t.toDoubleArray());
        }
        if (t.rank() != 2) {
            return t.toString();
        }
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < t.dim(0); r++) {
            sb.append(r == 0 ? "" : "\n ").append(array(t.row(r).toDoubleArray()));
        }
        return sb.append(']').toString();
    }

    /** A scalar with up to 16 significant digits, like NumPy's repr of a float64. */
    public static String scalar(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        return BigDecimal.valueOf(v).round(new java.math.MathContext(16)).stripTrailingZeros().toPlainString();
    }

    /** NumPy switches to scientific notation when a non-zero magnitude is below 1e-4 or the range exceeds 1e3. */
    private static boolean needsScientific(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            double a = Math.abs(v);
            if (a > 0 && Double.isFinite(a)) {
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
        }
        return max > 0 && (min < 1e-4 || max >= 1e8 || max / min > 1e3);
    }

    private static int decimalsNeeded(double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return Math.max(0, d.scale());
    }

    private static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (decimals == 0) {
            return s + ".";
        }
        // NumPy pads the shorter numbers' decimals with spaces rather than zeros: 4. not 4.0
        String trimmed = s.replaceAll("0+$", "");
        return trimmed + " ".repeat(s.length() - trimmed.length());
    }
}
