package dev.dlfs.tensor;

/**
 * How many threads the kernels (matrix products) may use.
 *
 * <p>The default is the system property {@code dlfs.threads} if set, else the number of available processors.
 * Results never depend on this number: work is split over output tiles only, so every output element is summed in
 * the same order whatever the thread count.
 */
public final class Parallelism {
    /** The system property that sets the default thread count. */
    public static final String PROPERTY = "dlfs.threads";

    private static volatile int threads = initial();

    private Parallelism() {
    }

    /** The number of threads kernels may use (at least 1). */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads kernels may use; {@code n} must be at least 1. */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("setThreads: thread count must be at least 1, got " + n);
        }
        threads = n;
    }

    private static int initial() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + PROPERTY + " = '" + value
                    + "' is not a whole number of threads", e);
        }
        if (n < 1) {
            throw new IllegalArgumentException("system property " + PROPERTY + " = " + n + " must be at least 1");
        }
        return n;
    }
}
