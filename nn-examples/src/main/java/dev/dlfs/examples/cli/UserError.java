package dev.dlfs.examples.cli;

/**
 * A failure the user can fix, with the fix: printed as one paragraph without a stack trace.
 * {@code message} says what went wrong and where; {@code hint} says what to do.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public UserError(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public UserError(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What to do about it; may be empty. */
    public String hint() {
        return hint == null ? "" : hint;
    }
}
