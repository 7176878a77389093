package dev.dlfs.model;

import dev.dlfs.model.internal.ProgressLine;
import java.io.PrintStream;

/**
 * Shows a training run's progress: on a terminal, one line redrawn in place (at most ten times a second) with a bar,
 * the iteration, epoch, loss, last accuracies and the time left; elsewhere (a log file, a pipe), one plain line per
 * evaluation.
 */
final class ProgressListener implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final ProgressLine line = new ProgressLine();
    private long lastDraw;
    private int perEpoch = 1;
    private int total;
    private int epochs;

    ProgressListener(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onStart(TrainingRun run) {
        perEpoch = run.iterationsPerEpoch();
        total = run.totalIterations();
        epochs = (total + perEpoch - 1) / perEpoch;
        line.start(System.nanoTime(), total);
        if (!terminal) {
            out.printf("training %s: %d iterations (%d per epoch), batch %d, %d train / %d test samples%n",
                    run.network().config().name(), total, perEpoch, run.config().batchSize(), run.trainSize(),
                    run.testSize());
        }
    }

    @Override
    public void onIteration(int iteration, double loss) {
        line.iteration(iteration + 1, loss);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || iteration + 1 == total) {
                lastDraw = now;
                out.print("\r" + line.render(now, iteration / perEpoch + 1, epochs, true));
                out.flush();
            }
        }
    }

    @Override
    public void onEvaluation(Evaluation e) {
        line.accuracy(e.trainAccuracy(), e.testAccuracy());
        String text = line.render(System.nanoTime(), Math.min(e.epoch() + 1, epochs), epochs, false);
        out.println(terminal ? "\r" + text + "\u001b[K" : text);
    }

    @Override
    public void onFinish(TrainingResult result) {
        String how = switch (result.stop()) {
            case COMPLETED -> "done";
            case TARGET_REACHED -> "target accuracy reached";
            case STOPPED -> "stopped on request";
        };
        out.printf("%s after %d iterations in %.1f s", how, result.iterations(), result.elapsed().toNanos() / 1e9);
        if (!result.history().evaluations().isEmpty()) {
            Evaluation e = result.history().lastEvaluation();
            out.printf(": train accuracy %.4f, test accuracy %.4f%s", e.trainAccuracy(), e.testAccuracy(),
                    e.iteration() + 1 < result.iterations() ? " (at iteration " + e.iteration() + ")" : "");
        }
        out.println();
    }
}
