package dev.dlfs.examples.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Axis tick positions at "nice" steps (1, 2 or 5 times a power of ten) and their labels. */
final class Ticks {
    private Ticks() {
    }

    /** A step of 1, 2, 2.5 or 5 × 10^k that splits {@code [lo, hi]} into about {@code target} intervals. */
    static double niceStep(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Tick values that fall inside {@code [lo, hi]}, on multiples of {@code step}. */
    static List<Double> positions(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; ; i++) {
            double v = first + i * step;
            if (v > hi + step * 1e-9 || i > 1000) {
                break;
            }
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    /** A short label: no trailing zeros, scientific notation for very large or small values. */
    static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || (a < 1e-3 && step < 1e-3)) {
            return String.format(java.util.Locale.ROOT, "%.1e", v);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9) + (isHalfStep(step) ? 1 : 0));
        BigDecimal d = BigDecimal.valueOf(v).setScale(Math.min(decimals, 10), java.math.RoundingMode.HALF_EVEN);
        return d.stripTrailingZeros().toPlainString();
    }

    private static boolean isHalfStep(double step) {
        double m = step / Math.pow(10, Math.floor(Math.log10(step)));
        return Math.abs(m - 2.5) < 1e-9;
    }
}
