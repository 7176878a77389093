package dev.dlfs.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NumPy-like printing: nested brackets, one number format for all elements, aligned columns, lines wrapped at 75
 * characters, and tensors of more than 1000 elements summarised with "..." (3 items at each edge of every axis).
 *
 * <p>Like NumPy's default ({@code precision=8, floatmode='maxprec'}), each element shows at most 8 fractional
 * digits, fewer when fewer already identify the value in its dtype. Scientific notation is used for all elements
 * when the largest magnitude is at least 1e8, or the smallest non-zero one is below 1e-4, or they differ by more
 * than a factor of 1000.
 */
final class TensorFormat {
    private static final int EDGE = 3;
    private static final int THRESHOLD = 1000;
    private static final int PRECISION = 8;
    private static final int LINE_WIDTH = 75;
    private static final String PREFIX = "tensor(";

    private TensorFormat() {
    }

    static String format(Tensor t) {
        int[] shape = t.shape();
        boolean summarise = t.size() > THRESHOLD;
        List<Integer> shown = new ArrayList<>();
        collect(shape, 0, 0, summarise, shown);
        NumberFormat numbers = NumberFormat.of(t, shown);
        StringBuilder sb = new StringBuilder(PREFIX);
        if (shape.length == 0) {
            sb.append(numbers.format(t.getFlat(0)).strip());
        } else {
            append(sb, t, shape, 0, 0, numbers, summarise);
        }
        return sb.append(", dtype=").append(t.dtype().label()).append(')').toString();
    }

    /** Flat indices of the elements that will be printed, so that only those decide the number format. */
    private static void collect(int[] shape, int axis, int base, boolean summarise, List<Integer> shown) {
        if (axis == shape.length) {
            shown.add(base);
            return;
        }
        int stride = stride(shape, axis);
        for (int i = 0; i < shape[axis]; i++) {
            if (skipped(shape[axis], i, summarise)) {
                i = shape[axis] - EDGE - 1;
                continue;
            }
            collect(shape, axis + 1, base + i * stride, summarise, shown);
        }
    }

    private static void append(StringBuilder sb, Tensor t, int[] shape, int axis, int base, NumberFormat numbers,
                               boolean summarise) {
        int n = shape[axis];
        int stride = stride(shape, axis);
        String indent = " ".repeat(PREFIX.length() + axis + 1);
        boolean last = axis == shape.length - 1;
        sb.append('[');
        for (int i = 0; i < n; i++) {
            String item;
            if (skipped(n, i, summarise)) {
                item = "...";
                i = n - EDGE - 1;
                if (!last) {
                    sb.append(item).append(",\n").append(indent);
                    continue;
                }
            } else if (last) {
                item = numbers.format(t.getFlat(base + i));
            } else {
                append(sb, t, shape, axis + 1, base + i * stride, numbers, summarise);
                if (i < n - 1) {
                    sb.append(',').append("\n".repeat(shape.length - 1 - axis)).append(indent);
                }
                continue;
            }
            int lineStart = sb.lastIndexOf("\n") + 1;
            if (i > 0 && sb.length() - lineStart + item.length() + 2 > LINE_WIDTH) {
                sb.setLength(sb.length() - 1);  // the space after the comma
                sb.append('\n').append(indent);
            }
            sb.append(item);
            if (i < n - 1) {
                sb.append(", ");
            }
        }
        sb.append(']');
    }

    private static boolean skipped(int n, int i, boolean summarise) {
        return summarise && n > 2 * EDGE && i == EDGE;
    }

    private static int stride(int[] shape, int axis) {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        return stride;
    }

    /** One format for all printed elements: notation, digits, and padding that aligns the decimal points. */
    private record NumberFormat(boolean scientific, boolean float32, int digits, int intWidth, int fracWidth) {
        static NumberFormat of(Tensor t, List<Integer> shown) {
            boolean float32 = t.dtype() == DType.FLOAT32;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (int i : shown) {
                double a = Math.abs(t.getFlat(i));
                if (Double.isFinite(a) && a != 0) {
                    maxAbs = Math.max(maxAbs, a);
                    minAbs = Math.min(minAbs, a);
                }
            }
            boolean scientific = maxAbs >= 1e8 || maxAbs > 0 && (minAbs < 1e-4 || maxAbs / minAbs > 1e3);
            int digits = 0;
            for (int i : shown) {
                digits = Math.max(digits, digitsNeeded(t.getFlat(i), scientific, float32));
            }
            NumberFormat draft = new NumberFormat(scientific, float32, digits, 0, 0);
            int intWidth = 0;
            int fracWidth = 0;
            for (int i : shown) {
                String s = draft.plain(t.getFlat(i));
                if (!Double.isFinite(t.getFlat(i))) {
                    intWidth = Math.max(intWidth, s.length());  // nan and inf align to the right of the integer part
                    continue;
                }
                int dot = s.indexOf('.');
                intWidth = Math.max(intWidth, dot < 0 ? s.length() : dot);
                fracWidth = Math.max(fracWidth, dot < 0 ? 0 : s.length() - dot);
            }
            return new NumberFormat(scientific, float32, digits, intWidth, fracWidth);
        }

        /** The element padded so that decimal points line up in a column. */
        String format(double v) {
            String s = plain(v);
            if (!Double.isFinite(v)) {
                return " ".repeat(Math.max(0, intWidth + fracWidth - s.length())) + s;
            }
            int dot = s.indexOf('.');
            int intPart = dot < 0 ? s.length() : dot;
            int fracPart = dot < 0 ? 0 : s.length() - dot;
            return " ".repeat(Math.max(0, intWidth - intPart)) + s + " ".repeat(Math.max(0, fracWidth - fracPart));
        }

        /** The element without padding: {@code 2.5} or {@code 1.} (as few digits as identify it), {@code 1.5e-05}. */
        private String plain(double v) {
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (scientific) {
                // One mantissa length for all, as NumPy does: 1.5e-05, 1.0e+00.
                String s = String.format(Locale.ROOT, "%." + digits + "e", v);
                return digits == 0 ? s.replace("e", ".e") : s;
            }
            int d = digitsNeeded(v, false, float32);
            return String.format(Locale.ROOT, "%." + d + "f", v) + (d == 0 ? "." : "");
        }

        /** Fewest fractional digits (at most 8) that read back as the same value in the tensor's dtype. */
        private static int digitsNeeded(double v, boolean scientific, boolean float32) {
            if (!Double.isFinite(v)) {
                return 0;
            }
            for (int d = 0; d < PRECISION; d++) {
                double back = Double.parseDouble(String.format(Locale.ROOT, scientific ? "%." + d + "e" : "%." + d + "f", v));
                if (float32 ? (float) back == (float) v : back == v) {
                    return d;
                }
            }
            return PRECISION;
        }
    }
}
