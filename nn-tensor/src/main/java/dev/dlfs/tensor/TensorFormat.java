package dev.dlfs.tensor;

import java.util.Locale;

/** NumPy-like printing: nested brackets, aligned columns, long axes summarised with "...". */
final class TensorFormat {
    private static final int EDGE = 3;
    private static final int THRESHOLD = 1000;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        int[] shape = t.shape();
        boolean summarise = t.size() > THRESHOLD;
        StringBuilder sb = new StringBuilder("tensor(");
        if (shape.length == 0) {
            sb.append(number(t.getFlat(0)));
        } else {
            int width = 0;
            for (int i = 0; i < t.size(); i++) {
                width = Math.max(width, number(t.getFlat(i)).length());
            }
            append(sb, t, shape, 0, 0, width, summarise, "tensor(".length());
        }
        return sb.append(", dtype=").append(t.dtype().label()).append(')').toString();
    }

    private static void append(StringBuilder sb, Tensor t, int[] shape, int axis, int base, int width,
                               boolean summarise, int indent) {
        int n = shape[axis];
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (summarise && n > 2 * EDGE && i == EDGE) {
                sb.append(axis == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + axis + 1));
                i = n - EDGE - 1;
                continue;
            }
            if (axis == shape.length - 1) {
                String s = number(t.getFlat(base + i));
                sb.append(" ".repeat(width - s.length())).append(s);
                if (i < n - 1) {
                    sb.append(", ");
                }
            } else {
                append(sb, t, shape, axis + 1, base + i * stride, width, summarise, indent);
                if (i < n - 1) {
                    sb.append(',').append("\n".repeat(shape.length - 1 - axis)).append(" ".repeat(indent + axis + 1));
                }
            }
        }
        sb.append(']');
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e16) {
            return String.format(Locale.ROOT, "%.0f.", v);
        }
        if (a != 0 && (a < 1e-4 || a >= 1e8)) {
            return String.format(Locale.ROOT, "%.8e", v);
        }
        String s = String.format(Locale.ROOT, "%.8f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
