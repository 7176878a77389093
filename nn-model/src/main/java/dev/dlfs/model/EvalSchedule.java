package dev.dlfs.model;

/**
 * When a training run measures accuracy on the training and test sets: once per epoch (the book: after the update
 * of every iteration {@code i} with {@code i % iterationsPerEpoch == 0}), every {@code n} iterations, or never.
 */
public record EvalSchedule(Kind kind, int every) {
    /** The kinds of schedule; {@code every} is used only by {@link #EVERY}. */
    public enum Kind { PER_EPOCH, EVERY, NONE }

    public EvalSchedule {
        if (kind == Kind.EVERY && every < 1) {
            throw new IllegalArgumentException("eval every N iterations needs N >= 1, found " + every);
        }
        every = kind == Kind.EVERY ? every : 0;
    }

    /** The book's schedule: once per epoch. */
    public static EvalSchedule perEpoch() {
        return new EvalSchedule(Kind.PER_EPOCH, 0);
    }

    /** Every {@code n} iterations (after iterations 0, n, 2n, …). */
    public static EvalSchedule every(int n) {
        return new EvalSchedule(Kind.EVERY, n);
    }

    /** No evaluations during the run (a final one is still made). */
    public static EvalSchedule none() {
        return new EvalSchedule(Kind.NONE, 0);
    }

    /** Whether to evaluate after the update of 0-based {@code iteration}. */
    public boolean due(int iteration, int iterationsPerEpoch) {
        return switch (kind) {
            case PER_EPOCH -> iteration % iterationsPerEpoch == 0;
            case EVERY -> iteration % every == 0;
            case NONE -> false;
        };
    }

    /** As written in YAML: {@code per-epoch}, {@code every 100} or {@code none}. */
    @Override
    public String toString() {
        return switch (kind) {
            case PER_EPOCH -> "per-epoch";
            case EVERY -> "every " + every;
            case NONE -> "none";
        };
    }

    /** Parses {@code per-epoch}, {@code none}, {@code every N}. */
    public static EvalSchedule parse(String text) {
        String s = text.trim();
        if (s.equals("per-epoch")) {
            return perEpoch();
        }
        if (s.equals("none")) {
            return none();
        }
        if (s.startsWith("every ")) {
            try {
                return every(Integer.parseInt(s.substring(6).trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("expected per-epoch, none or 'every N' (N iterations), found '" + text
                + "'");
    }
}
