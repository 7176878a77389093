package dev.dlfs.model.internal;

import java.util.Locale;

/**
 * The text of a training progress line: {@code [#####.....] 4200/10000 epoch 7/17 loss 0.2134 train 0.9412 test
 * 0.9398 1.2 s, ETA 1.7 s}, with the time left estimated from the pace so far.
 */
public final class ProgressLine {
    private static final int BAR = 24;

    private long startNanos;
    private int total;
    private int done;
    private double loss = Double.NaN;
    private double train = Double.NaN;
    private double test = Double.NaN;

    public void start(long nanos, int totalIterations) {
        startNanos = nanos;
        total = Math.max(totalIterations, 1);
    }

    public void iteration(int iterationsDone, double lastLoss) {
        done = iterationsDone;
        loss = lastLoss;
    }

    public void accuracy(double trainAccuracy, double testAccuracy) {
        train = trainAccuracy;
        test = testAccuracy;
    }

    /** The line at time {@code nanos}; {@code bar} adds the progress bar (for terminals). */
    public String render(long nanos, int epoch, int epochs, boolean bar) {
        double elapsed = (nanos - startNanos) / 1e9;
        StringBuilder sb = new StringBuilder();
        if (bar) {
            int filled = (int) ((long) BAR * done / total);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
        }
        sb.append(String.format(Locale.ROOT, "iteration %d/%d  epoch %d/%d  loss %.4f", done, total, epoch, epochs,
                loss));
        if (!Double.isNaN(test)) {
            sb.append(String.format(Locale.ROOT, "  train %.4f  test %.4f", train, test));
        }
        sb.append(String.format(Locale.ROOT, "  %s", time(elapsed)));
        // The pace of the first few iterations (with the first evaluation and the JIT warming up) says little.
        if (done >= Math.max(20, total / 50) && done < total) {
            sb.append(", ETA ").append(time(elapsed / done * (total - done)));
        }
        return sb.toString();
    }

    private static String time(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
