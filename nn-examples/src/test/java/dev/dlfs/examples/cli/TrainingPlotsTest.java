package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code dlfs train}'s plots draw, read back from the PNGs: a framed plotting area with tick marks, the loss
 * curve in its colour whose highest point is where metrics.csv has the largest loss, and the accuracies at the
 * heights metrics.csv gives them. Positions come from the data and the framing the PNG shows, not from the code.
 */
class TrainingPlotsTest {
    private static final int RAW_LOSS = 0xa6c8e6;
    private static final int SMOOTHED_LOSS = 0x1f77b4;
    private static final int TRAIN_ACCURACY = 0x1f77b4;
    private static final int TEST_ACCURACY = 0xff7f0e;

    @TempDir
    static Path dir;
    static Path out;
    static List<double[]> rows = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        Path config = dir.resolve("spirals.yaml");
        Files.writeString(config, TrainEvalPredictTest.SPIRALS);
        out = dir.resolve("run");
        Run r = Run.of("train", config.toString(), "--epochs", "12", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        // iteration,loss,train_accuracy,test_accuracy; empty cells where there was no evaluation
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",", -1);
            double[] row = new double[4];
            for (int i = 0; i < 4; i++) {
                row[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
            }
            rows.add(row);
        }
    }

    /** The plotting area's frame: the dark lines first met going out from the image's centre (no curve is grey). */
    record Frame(int left, int top, int right, int bottom) {
        static Frame of(BufferedImage image) {
            int cx = image.getWidth() / 2;
            int cy = image.getHeight() / 2;
            int left = cx;
            while (left > 0 && !dark(image.getRGB(left, cy))) {
                left--;
            }
            int right = cx;
            while (right < image.getWidth() - 1 && !dark(image.getRGB(right, cy))) {
                right++;
            }
            int top = cy;
            while (top > 0 && !dark(image.getRGB(cx, top))) {
                top--;
            }
            int bottom = cy;
            while (bottom < image.getHeight() - 1 && !dark(image.getRGB(cx, bottom))) {
                bottom++;
            }
            return new Frame(left, top, right, bottom);
        }

        double px(double v, double lo, double hi) {
            return left + (v - lo) / (hi - lo) * (right - left);
        }

        double py(double v, double lo, double hi) {
            return bottom - (v - lo) / (hi - lo) * (bottom - top);
        }
    }

    /** A dark grey or black pixel: the frame and ticks (anti-aliased to half grey), never a curve's colour. */
    static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return Math.max(r, Math.max(g, b)) <= 170 && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) <= 16;
    }

    /** The topmost row in columns {@code x - 2 … x + 2} (inside the frame) holding {@code rgb}, or -1. */
    static int topmost(BufferedImage image, Frame f, int x, int rgb) {
        for (int y = f.top() + 1; y < f.bottom(); y++) {
            for (int dx = -2; dx <= 2; dx++) {
                if ((image.getRGB(x + dx, y) & 0xffffff) == rgb) {
                    return y;
                }
            }
        }
        return -1;
    }

    /** Whether a pixel of {@code rgb} lies within {@code r} pixels of {@code (x, y)}. */
    static boolean near(BufferedImage image, double x, double y, int rgb, int r) {
        return near(image, x, y, rgb, r, r);
    }

    /**
     * Whether a pixel of {@code rgb} lies up to {@code back} pixels left of {@code (x, y)} (or {@code r} right), and
     * {@code r} above or below: a dashed line (6 on, 4 off) may end in a gap.
     */
    static boolean near(BufferedImage image, double x, double y, int rgb, int back, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -back; dx <= r; dx++) {
                if ((image.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theLossPlotDrawsTheLossCurveWithItsPeakWhereTheLargestLossIs() throws Exception {
        BufferedImage image = ImageIO.read(out.resolve("loss.png").toFile());
        Frame f = Frame.of(image);
        assertTrue(f.left() > 40 && f.right() < image.getWidth() - 5 && f.top() > 20
                && f.bottom() < image.getHeight() - 30, "no frame around the plotting area: " + f);
        assertTrue(darkPixels(image, 0, f.left() - 2, f.top(), f.bottom()) > 50, "no tick labels left of the frame");
        assertTrue(darkPixels(image, f.left(), f.right(), f.bottom() + 2, image.getHeight()) > 50,
                "no tick labels under the frame");

        double[] loss = rows.stream().filter(r -> !Double.isNaN(r[1])).mapToDouble(r -> r[1]).toArray();
        assertEquals(120, loss.length);
        int peak = 0;
        for (int i = 1; i < loss.length; i++) {
            peak = loss[i] > loss[peak] ? i : peak;
        }
        // x: iterations 0 … 119 padded by 5% each side; y: 0 up to 1.05 × the largest loss.
        double xPad = 0.05 * (loss.length - 1);
        int x = (int) Math.round(f.px(peak, -xPad, loss.length - 1 + xPad));
        int expectedTop = (int) Math.round(f.py(loss[peak], 0, 1.05 * loss[peak]));
        int top = topmost(image, f, x, RAW_LOSS);
        assertTrue(top >= 0, "the loss curve's colour is missing at the peak's column " + x);
        assertEquals(expectedTop, top, 3, "the curve's highest point over iteration " + peak);
        // The last loss is drawn where its value puts it, under the smoothed curve's colour or its own.
        int last = loss.length - 1;
        double lx = f.px(last, -xPad, last + xPad);
        double ly = f.py(loss[last], 0, 1.05 * loss[peak]);
        assertTrue(near(image, lx, ly, RAW_LOSS, 3) || near(image, lx, ly, SMOOTHED_LOSS, 3),
                "nothing drawn at the last loss " + loss[last]);
        assertTrue(near(image, lx, f.py(smoothedEnd(loss), 0, 1.05 * loss[peak]), SMOOTHED_LOSS, 4),
                "the smoothed curve does not end at its value");
    }

    @Test
    void theAccuracyPlotDrawsTrainAndTestAccuracyAtTheirHeights() throws Exception {
        BufferedImage image = ImageIO.read(out.resolve("accuracy.png").toFile());
        Frame f = Frame.of(image);
        List<double[]> evals = rows.stream().filter(r -> !Double.isNaN(r[2])).toList();
        assertTrue(evals.size() >= 2, "evaluations in metrics.csv: " + evals.size());
        // x: epochs 0 … 12 padded by 5%; y: the fixed 0–1 axis.
        double pad = 0.05 * 12;
        double[] last = evals.get(evals.size() - 1);
        double x = f.px(12, -pad, 12 + pad);
        assertTrue(near(image, x, f.py(last[2], 0, 1), TRAIN_ACCURACY, 3), "train accuracy " + last[2]
                + " is not drawn at its height");
        assertTrue(near(image, x, f.py(last[3], 0, 1), TEST_ACCURACY, 10, 3), "test accuracy " + last[3]
                + " is not drawn at its height");
        double[] first = evals.get(0);
        double x0 = f.px(0, -pad, 12 + pad);
        assertTrue(near(image, x0, f.py(first[2], 0, 1), TRAIN_ACCURACY, 3), "the first train accuracy "
                + first[2] + " is not drawn at epoch 0");
    }

    /** The documented smoothing: an exponential moving average with α = 2 / (span + 1), span 5 here. */
    private static double smoothedEnd(double[] v) {
        double alpha = 2.0 / 6;
        double s = v[0];
        for (double x : v) {
            s = alpha * x + (1 - alpha) * s;
        }
        return s;
    }

    private static int darkPixels(BufferedImage image, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                n += dark(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }
}
