package dev.dlfs.examples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced code block of a Markdown file.
 *
 * @param file     the Markdown file's name, for messages
 * @param line     the 1-based line of the opening fence; the code starts on the next line
 * @param language the first word of the fence's info string ({@code java}, {@code yaml}, {@code sh}), or empty
 * @param marker   the text of a {@code <!-- readme-test: … -->} comment on the last non-blank line before the fence,
 *                 or empty
 * @param heading  the text of the nearest heading above the block, or empty
 * @param code     the block's lines without the fences, with the fence's indentation removed
 */
record CodeBlock(String file, int line, String language, String marker, String heading, String code) {
    private static final Pattern FENCE = Pattern.compile("^( *)(```+|~~~+)\\s*([^`\\s]*)[^`]*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*readme-test:(.*?)-->\\s*$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    /** Where the block's code line {@code i} (1-based) is, as {@code README.md:LINE}. */
    String where(int i) {
        return file + ":" + (line + i);
    }

    /** Where the block starts, as {@code README.md:LINE} of its opening fence. */
    String where() {
        return file + ":" + line;
    }

    /** Every fenced code block of {@code markdown}, in order. */
    static List<CodeBlock> parse(String markdown, String file) {
        List<String> lines = markdown.lines().toList();
        List<CodeBlock> blocks = new ArrayList<>();
        String heading = "";
        String lastNonBlank = "";
        int lastNonBlankLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            Matcher fence = FENCE.matcher(text);
            if (!fence.matches()) {
                if (!text.isBlank() && MARKER.matcher(lastNonBlank).matches()) {
                    throw new IllegalArgumentException(file + ":" + lastNonBlankLine + ": this readme-test comment"
                            + " is not right before a code block: line " + (i + 1) + " comes between");
                }
                Matcher h = HEADING.matcher(text);
                if (h.matches()) {
                    heading = h.group(1);
                }
                if (!text.isBlank()) {
                    lastNonBlank = text;
                    lastNonBlankLine = i + 1;
                }
                continue;
            }
            String indent = fence.group(1);
            String mark = fence.group(2);
            int close = closingFence(lines, i + 1, mark);
            if (close < 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": this code block is never closed (no "
                        + mark + " below it)");
            }
            StringBuilder code = new StringBuilder();
            for (String codeLine : lines.subList(i + 1, close)) {
                code.append(dedent(codeLine, indent.length())).append('\n');
            }
            Matcher marker = MARKER.matcher(lastNonBlank);
            blocks.add(new CodeBlock(file, i + 1, fence.group(3), marker.matches() ? marker.group(1).strip() : "",
                    heading, code.toString()));
            lastNonBlank = lines.get(close);
            lastNonBlankLine = close + 1;
            i = close;
        }
        return blocks;
    }

    /** The index of the line closing a fence of {@code mark} (same character, at least as long), or -1. */
    private static int closingFence(List<String> lines, int from, String mark) {
        for (int j = from; j < lines.size(); j++) {
            String s = lines.get(j).strip();
            if (s.length() >= mark.length() && s.chars().allMatch(c -> c == mark.charAt(0))) {
                return j;
            }
        }
        return -1;
    }

    /** {@code line} without up to {@code n} leading spaces: code in a list item is indented like its fence. */
    private static String dedent(String line, int n) {
        int k = 0;
        while (k < n && k < line.length() && line.charAt(k) == ' ') {
            k++;
        }
        return line.substring(k);
    }
}
