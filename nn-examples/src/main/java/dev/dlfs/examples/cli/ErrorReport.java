package dev.dlfs.examples.cli;

import dev.dlfs.model.DivergenceException;
import dev.dlfs.tensor.spi.OptionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns an exception into the one paragraph the user reads: what went wrong, where, and how to fix it. Exceptions
 * that are not the user's to fix (a bug) say so and point to {@code --verbose}.
 */
final class ErrorReport {
    private ErrorReport() {
    }

    /** {@code dlfs <command>: <what and where>. <how to fix>} */
    static String paragraph(String command, Throwable error) {
        Throwable e = unwrap(error);
        String what;
        String hint = "";
        if (e instanceof UserError u) {
            what = u.getMessage();
            hint = u.hint();
        } else if (e instanceof DivergenceException) {
            what = e.getMessage(); // names the iteration, the rule, the layer and the learning rate to change
        } else if (e instanceof NoSuchFileException n) {
            what = "file not found: " + n.getFile();
            hint = "Check the path; relative paths are resolved against " + Path.of("").toAbsolutePath() + ".";
        } else if (e instanceof AccessDeniedException a) {
            what = "cannot access " + a.getFile() + ": permission denied";
            hint = "Check the file's permissions or choose another location.";
        } else if (e instanceof FileAlreadyExistsException f) {
            what = "a file is in the way: " + f.getFile();
            hint = "Move it away or choose another output folder with --out.";
        } else if (e instanceof IOException) {
            what = "input/output error: " + describe(e);
        } else if (e instanceof OptionException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof UnsupportedOperationException
                || e instanceof ArithmeticException) {
            // The framework's own exceptions: their messages already name the operation, file or option.
            what = describe(e);
            if (what.matches("(?s).*unknown (layer type|loss|optimizer|data source) '.*")
                    && !what.contains("did you mean")) {
                hint = "If it comes from a plugin, add the plugin's jar with --plugins PATH; 'dlfs plugins' lists"
                        + " what is installed.";
            }
        } else {
            what = "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            hint = "This is a bug in dlfs; run the command again with --verbose and report the stack trace.";
        }
        StringBuilder sb = new StringBuilder("dlfs ").append(command).append(": ").append(sentence(what));
        if (!hint.isEmpty()) {
            sb.append(' ').append(sentence(hint));
        }
        return sb.toString();
    }

    /** Unwraps exceptions that only carry another one (UncheckedIOException, wrappers without a message). */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof UncheckedIOException
                || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException
                || t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }
}
