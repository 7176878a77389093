package dev.dlfs.model;

import java.io.PrintStream;

/**
 * Called by a {@link Trainer} as the run goes; every method does nothing by default.
 *
 * <pre>{@code
 * trainer.listener(new TrainingListener() {
 *     public void onEvaluation(Evaluation e) {
 *         System.out.printf("epoch %d: test accuracy %.4f%n", e.epoch(), e.testAccuracy());
 *     }
 * });
 * }</pre>
 * {@link #onIteration} runs after every update: keep it cheap.
 */
public interface TrainingListener {
    default void onStart(TrainingRun run) {
    }

    /** After the update of 0-based {@code iteration}, with its mini-batch loss. */
    default void onIteration(int iteration, double loss) {
    }

    default void onEvaluation(Evaluation evaluation) {
    }

    /** At the end of the run, also when it stopped early (not when it diverged: that throws). */
    default void onFinish(TrainingResult result) {
    }

    /**
     * A progress display on {@code out}: a bar redrawn in place (iteration, epoch, loss, accuracy, ETA) when
     * {@code terminal}, otherwise one plain line per evaluation.
     */
    static TrainingListener progress(PrintStream out, boolean terminal) {
        return new ProgressListener(out, terminal);
    }

    /** A progress display on standard output, as a bar if it is a terminal, else as plain lines. */
    static TrainingListener progress() {
        java.io.Console console = System.console();
        return progress(System.out, console != null && console.isTerminal());
    }
}
