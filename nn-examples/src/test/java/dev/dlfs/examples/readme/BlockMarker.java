package dev.dlfs.examples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@code <!-- readme-test: … -->} comment before a code block asks of the README test. HTML comments are
 * not shown on GitHub, so the README reads the same with or without them. Directives, separated by {@code ;}, each
 * optionally followed by a reason in parentheses:
 * <ul>
 *   <li>{@code not run}: a Java block that is compiled but not run (e.g. it needs a download);</li>
 *   <li>{@code fragment}: a YAML block that shows only some sections of a network configuration; it is read
 *       with the sections it lacks taken from a minimal network;</li>
 *   <li>{@code replace "A" with "B"}: a Java block that is compiled and run with its text {@code A} replaced by
 *       {@code B} (e.g. fewer iterations, so the test stays fast); {@code A} must occur in the block.</li>
 * </ul>
 *
 * @param notRun       whether the block is only compiled
 * @param fragment     whether the YAML block is a part of a configuration
 * @param replacements the replacements to make before running, in order
 */
record BlockMarker(boolean notRun, boolean fragment, List<Replacement> replacements) {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "\\s*(not run|fragment|replace \"([^\"]*)\" with \"([^\"]*)\")\\s*(\\([^)]*\\))?\\s*(;|$)");

    /** One textual replacement. */
    record Replacement(String from, String to) {
    }

    /** The directives of {@code block}'s marker; an unknown directive is an error naming the block's line. */
    static BlockMarker of(CodeBlock block) {
        boolean notRun = false;
        boolean fragment = false;
        List<Replacement> replacements = new ArrayList<>();
        String text = block.marker();
        Matcher m = DIRECTIVE.matcher(text);
        int at = 0;
        while (at < text.length()) {
            m.region(at, text.length());
            if (!m.lookingAt()) {
                throw new IllegalArgumentException(block.where() + ": the readme-test comment before this block says '"
                        + text.substring(at).strip() + "'; known directives: not run, fragment, replace \"A\" with"
                        + " \"B\" (each may be followed by a reason in parentheses; separate them with ';')");
            }
            switch (m.group(1)) {
                case "not run" -> notRun = true;
                case "fragment" -> fragment = true;
                default -> replacements.add(new Replacement(m.group(2), m.group(3)));
            }
            at = m.end();
        }
        return new BlockMarker(notRun, fragment, List.copyOf(replacements));
    }

    /** {@code code} with the replacements made; a replacement whose text is not in the block is an error. */
    String apply(CodeBlock block, String code) {
        String out = code;
        for (Replacement r : replacements) {
            if (!out.contains(r.from())) {
                throw new IllegalArgumentException(block.where() + ": the readme-test comment before this block"
                        + " replaces \"" + r.from() + "\", which the block does not contain");
            }
            out = out.replace(r.from(), r.to());
        }
        return out;
    }
}
