package dev.dlfs.tensor.io;

import dev.dlfs.tensor.Shapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The header of a {@code .npy} file: a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (784, 50), }}, parsed by a small reader of Python
 * literals (strings, integers, booleans, tuples, lists, dicts) and written the way NumPy writes it.
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {
    /** NumPy reserves room for the first axis to grow to this many digits (numpy/lib/format.py). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** A Python list, kept apart from a tuple because a shape must be a tuple. */
    private record PyList(List<Object> items) {
    }

    /** Parses header text; {@code source} names the file for messages. */
    static NpyHeader parse(String text, String source) throws NpyFormatException {
        Object value;
        try {
            Reader r = new Reader(text);
            value = r.value();
            r.skipSpace();
            if (r.pos < text.length()) {
                throw r.error("unexpected text after the dict");
            }
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(source + ": bad .npy header " + quote(text) + ": " + e.getMessage());
        }
        if (!(value instanceof Map<?, ?> dict)) {
            throw new NpyFormatException(source + ": bad .npy header " + quote(text) + ": not a dict");
        }
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new NpyFormatException(source + ": bad .npy header " + quote(text)
                    + ": keys must be descr, fortran_order, shape; found " + new TreeSet<>(dict.keySet().stream()
                    .map(String::valueOf).toList()));
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            String kind = descr instanceof PyList ? "list" : "non-string";
            throw new NpyFormatException(source + ": unsupported descr (a " + kind
                    + "): structured (record) arrays are not supported, only plain numbers");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException(source + ": bad .npy header " + quote(text)
                    + ": fortran_order must be True or False");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new NpyFormatException(source + ": bad .npy header " + quote(text)
                    + ": shape must be a tuple of integers");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                throw new NpyFormatException(source + ": bad .npy header " + quote(text)
                        + ": shape must hold integers from 0 to " + Integer.MAX_VALUE + ", found " + dims.get(i));
            }
            shape[i] = (int) (long) n;
        }
        try {
            Shapes.size(shape);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(source + ": " + e.getMessage());
        }
        return new NpyHeader(d, fortran, shape);
    }

    /** The dict as NumPy writes it, including the spaces it keeps for the growth axis, without padding. */
    String format() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        sb.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) {
            int growthAxis = fortranOrder ? shape[shape.length - 1] : shape[0];
            sb.repeat(' ', GROWTH_AXIS_MAX_DIGITS - Integer.toString(growthAxis).length());
        }
        return sb.toString();
    }

    private static String quote(String text) {
        String t = text.strip();
        return "\"" + (t.length() > 200 ? t.substring(0, 200) + "…" : t) + "\"";
    }

    /** A reader of the Python literals NumPy headers use. Errors are IllegalArgumentExceptions with a position. */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        char peek() {
            return peek("a value");
        }

        /** The next non-space character; {@code expected} says what should come, for the message at the end. */
        char peek(String expected) {
            skipSpace();
            if (pos >= s.length()) {
                throw error("the header ends where " + expected + " should follow");
            }
            return s.charAt(pos);
        }

        void expect(char c) {
            if (peek("'" + c + "'") != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        Object value() {
            char c = peek();
            return switch (c) {
                case '{' -> dict();
                case '(' -> items('(', ')');
                case '[' -> new PyList(items('[', ']'));
                case '\'', '"' -> string();
                default -> c == '-' || Character.isDigit(c) ? integer() : word();
            };
        }

        Map<String, Object> dict() {
            expect('{');
            Map<String, Object> out = new LinkedHashMap<>();
            while (peek("'}'") != '}') {
                int at = pos;
                if (!(value() instanceof String key)) {
                    pos = at;
                    throw error("dict key is not a string");
                }
                expect(':');
                if (out.put(key, value()) != null) {
                    throw error("key '" + key + "' given twice");
                }
                if (peek("',' or '}'") != ',') {
                    break;
                }
                pos++;
            }
            expect('}');
            return out;
        }

        List<Object> items(char open, char close) {
            expect(open);
            List<Object> out = new ArrayList<>();
            while (peek("'" + close + "'") != close) {
                out.add(value());
                if (peek("',' or '" + close + "'") != ',') {
                    break;
                }
                pos++;
            }
            expect(close);
            return out;
        }

        String string() {
            char quote = s.charAt(pos++);
            StringBuilder sb = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                sb.append(c);
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            pos++;
            return sb.toString();
        }

        Long integer() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            // Python 2 wrote long integers with an L suffix, e.g. (784L, 50L).
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++;
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("bad integer '" + digits + "'");
            }
        }

        Object word() {
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            return switch (s.substring(start, pos)) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                default -> {
                    pos = start;
                    throw error("unexpected '" + s.charAt(start) + "'");
                }
            };
        }
    }
}
