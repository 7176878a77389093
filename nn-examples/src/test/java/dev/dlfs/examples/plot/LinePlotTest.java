package dev.dlfs.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSizeAndNothingElse() throws Exception {
        Path file = dir.resolve("sub/loss.png");
        LinePlot.titled("loss").xLabel("iteration").yLabel("loss")
                .add(Series.line("train", new double[] {2.3, 1.2, 0.7, 0.5, 0.4}))
                .writePng(file, 640, 480);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "a temporary file was left behind");
        }
    }

    @Test
    void drawsEachSeriesInItsColourWhereItsDataIs() {
        // A horizontal line at y = 0.25 on a fixed [0, 1] axis: its colour must appear at a quarter of the
        // plotting area's height above the bottom, and a second series at y = 0.75 above it.
        Color red = new Color(0xd62728);
        Color blue = new Color(0x1f77b4);
        BufferedImage image = LinePlot.titled("two lines").yRange(0, 1).xRange(0, 1)
                .add(new Series(null, new double[] {0, 1}, new double[] {0.25, 0.25}, red, Series.Style.LINE))
                .add(new Series(null, new double[] {0, 1}, new double[] {0.75, 0.75}, blue, Series.Style.LINE))
                .toImage(400, 300);
        int x = 200;
        int redRow = rowOf(image, x, red);
        int blueRow = rowOf(image, x, blue);
        assertTrue(redRow > 0 && blueRow > 0, "a series is missing: red row " + redRow + ", blue row " + blueRow);
        // The plot area spans rows 34..250 (300 - 50 bottom margin): y = 0.25 → 196, y = 0.75 → 88.
        assertEquals(196, redRow, 2);
        assertEquals(88, blueRow, 2);
    }

    @Test
    void aGridPutsPlotsSideBySide() throws Exception {
        LinePlot p = LinePlot.titled("p").add(Series.line("y", new double[] {1, 2, 3}));
        Path file = dir.resolve("grid.png");
        new PlotGrid(2, List.of(p, p, p)).writePng(file, 300, 200);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(600, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void rejectsMismatchedSeriesAndImpossibleSizes() {
        assertThrows(IllegalArgumentException.class, () -> Series.line("bad", new double[] {1, 2}, new double[] {1}));
        LinePlot p = LinePlot.titled("small");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.toImage(50, 40));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.yRange(1, 1));
    }

    @Test
    void tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(2.0, Ticks.niceStep(0, 10, 5), 1e-12);
        assertEquals(0.5, Ticks.niceStep(-1, 1, 4), 1e-12);
        assertEquals(1000.0, Ticks.niceStep(0, 10000, 10), 1e-9);
        assertEquals(List.of(-1.0, -0.5, 0.0, 0.5, 1.0), Ticks.positions(-1.1, 1.1, 0.5));
        assertEquals("0.5", Ticks.label(0.5, 0.5));
        assertEquals("10000", Ticks.label(10000, 2000));
    }

    private static double distance(int rgb1, int rgb2) {
        int dr = (rgb1 >> 16 & 0xff) - (rgb2 >> 16 & 0xff);
        int dg = (rgb1 >> 8 & 0xff) - (rgb2 >> 8 & 0xff);
        int db = (rgb1 & 0xff) - (rgb2 & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    /** The middle row of the pixels of (about) colour {@code c} in column {@code x}, or -1. */
    private static int rowOf(BufferedImage image, int x, Color c) {
        int first = -1;
        int last = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            if (distance(image.getRGB(x, y), c.getRGB()) < 100) {    // antialiasing blends the edges
                first = first < 0 ? y : first;
                last = y;
            }
        }
        return first < 0 ? -1 : (first + last) / 2;
    }
}
