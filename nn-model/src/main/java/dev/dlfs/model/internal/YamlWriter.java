package dev.dlfs.model.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans) as readable YAML: the top-level map in block style,
 * its map values as indented blocks, lists of maps one flow-style item per line, everything deeper in flow style
 * ({@code - {type: affine, units: 50, init: {std: 0.01}}}).
 */
public final class YamlWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/]*( [A-Za-z0-9_.\\-/]+)*");
    private static final List<String> RESERVED =
            List.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private YamlWriter() {
    }

    /** The YAML text of a top-level map. */
    public static String write(Map<String, ?> top) {
        StringBuilder sb = new StringBuilder();
        top.forEach((k, v) -> block(sb, "", k, v));
        return sb.toString();
    }

    private static void block(StringBuilder sb, String indent, String key, Object v) {
        if (v instanceof Map<?, ?> m && !m.isEmpty() && indent.isEmpty()) {
            sb.append(key).append(":\n");
            m.forEach((k, val) -> block(sb, indent + "  ", String.valueOf(k), val));
        } else if (v instanceof List<?> l && !l.isEmpty() && l.stream().anyMatch(i -> i instanceof Map)) {
            sb.append(indent).append(key).append(":\n");
            for (Object item : l) {
                sb.append(indent).append("  - ");
                flow(sb, item);
                sb.append('\n');
            }
        } else {
            sb.append(indent).append(key).append(": ");
            flow(sb, v);
            sb.append('\n');
        }
    }

    private static void flow(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (var e : m.entrySet()) {
                    sb.append(first ? "" : ", ").append(scalar(String.valueOf(e.getKey()))).append(": ");
                    flow(sb, e.getValue());
                    first = false;
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    flow(sb, l.get(i));
                }
                sb.append(']');
            }
            case Double d -> sb.append(number(d));
            case Float f -> sb.append(number(f.doubleValue()));
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            default -> sb.append(scalar(String.valueOf(v)));
        }
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String s = Double.toString(d).toLowerCase(Locale.ROOT);
        return s.contains("e") && !s.contains(".") ? s.replace("e", ".0e") : s;
    }

    /** A string plain when YAML reads it back as the same string, else double-quoted. */
    private static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))
                && !looksNumeric(s)) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return s.startsWith(".");
        }
    }
}
