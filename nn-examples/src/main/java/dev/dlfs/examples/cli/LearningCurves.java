package dev.dlfs.examples.cli;

import dev.dlfs.examples.plot.LinePlot;
import dev.dlfs.examples.plot.Series;
import dev.dlfs.model.Evaluation;
import dev.dlfs.model.History;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The book's training figures: the loss per iteration (Fig. 4-11) and train/test accuracy per epoch (Fig. 4-12). */
final class LearningCurves {
    private LearningCurves() {
    }

    /** Loss per iteration, with a smoothed curve over it when there are many iterations. */
    static void writeLoss(History h, int iterationsPerEpoch, String title, Path file) throws IOException {
        double[] loss = h.losses();
        LinePlot plot = LinePlot.titled(title + ": loss per iteration").xLabel("iteration").yLabel("loss");
        if (loss.length == 0) {
            plot.writePng(file, 800, 500);
            return;
        }
        int span = Math.clamp(iterationsPerEpoch / 6, 5, 200);
        if (loss.length >= 4 * span) {
            plot = plot.add(Series.line("loss", loss).withColor(new Color(0xa6c8e6)))
                    .add(Series.line("smoothed (span " + span + ")", smoothed(loss, span))
                            .withColor(new Color(0x1f77b4)));
        } else {
            plot = plot.add(Series.line("loss", loss));
        }
        plot.yRange(0, Math.max(1e-9, upperLoss(loss))).writePng(file, 800, 500);
    }

    /** Train and test accuracy at each evaluation, by epoch, on the book's 0-1 axis. */
    static void writeAccuracy(History h, String title, Path file) throws IOException {
        List<Evaluation> evals = h.evaluations();
        double[] epochs = new double[evals.size()];
        double[] train = new double[evals.size()];
        double[] test = new double[evals.size()];
        for (int i = 0; i < evals.size(); i++) {
            epochs[i] = evals.get(i).epoch();
            train[i] = evals.get(i).trainAccuracy();
            test[i] = evals.get(i).testAccuracy();
        }
        LinePlot.titled(title + ": accuracy").xLabel("epochs").yLabel("accuracy").yRange(0, 1.0)
                .add(new Series("train acc", epochs, train, null,
                        evals.size() <= 30 ? Series.Style.LINE_AND_MARKERS : Series.Style.LINE))
                .add(new Series("test acc", epochs, test, null, Series.Style.DASHED))
                .writePng(file, 800, 500);
    }

    /**
     * An exponential moving average with {@code α = 2 / (span + 1)}, started at the first value: it follows the
     * trend without the jump a plain moving average shows once its window is full.
     */
    static double[] smoothed(double[] v, int span) {
        double alpha = 2.0 / (span + 1);
        double[] out = new double[v.length];
        double s = v.length == 0 ? 0 : v[0];
        for (int i = 0; i < v.length; i++) {
            s = Double.isFinite(v[i]) ? alpha * v[i] + (1 - alpha) * s : s;
            out[i] = s;
        }
        return out;
    }

    /** The y-axis top: a little above the largest finite loss (the axis starts at 0, like the book's). */
    private static double upperLoss(double[] loss) {
        double max = 0;
        for (double l : loss) {
            if (Double.isFinite(l)) {
                max = Math.max(max, l);
            }
        }
        return max * 1.05;
    }
}
