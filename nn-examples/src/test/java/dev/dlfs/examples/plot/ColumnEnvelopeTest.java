package dev.dlfs.examples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnEnvelopeTest {
    /** The path's vertices as {x, y, 0 for a move or 1 for a line} triples. */
    private static double[] vertices(Path2D.Double path) {
        List<Double> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            out.add(c[0]);
            out.add(c[1]);
            out.add(type == PathIterator.SEG_MOVETO ? 0.0 : 1.0);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void keepsEachColumnsFirstLowestHighestAndLastInOrder() {
        Path2D.Double path = new Path2D.Double();
        ColumnEnvelope line = new ColumnEnvelope(path);
        // column 0: first (0.1, 5), then 1 (lowest), 9 (highest), 4, 6 (last); column 1: one point;
        // column 2: highest before lowest
        double[][] points = {{0.1, 5}, {0.3, 1}, {0.5, 9}, {0.6, 4}, {0.8, 6}, {1.5, 3}, {2.1, 2}, {2.4, 8},
            {2.6, 0}, {2.9, 0}};
        for (double[] p : points) {
            line.add(p[0], p[1]);
        }
        line.end();
        assertArrayEquals(new double[] {0.1, 5, 0, 0.3, 1, 1, 0.5, 9, 1, 0.8, 6, 1, 1.5, 3, 1, 2.1, 2, 1, 2.4, 8, 1,
            2.6, 0, 1, 2.9, 0, 1}, vertices(path));
    }

    @Test
    void aGapStartsANewRunAndAColumnsLastPointIsNotRepeated() {
        Path2D.Double path = new Path2D.Double();
        ColumnEnvelope line = new ColumnEnvelope(path);
        line.add(0.2, 3);
        line.add(0.4, 7);   // the highest and the last at once
        line.end();
        line.add(5.5, 2);
        line.add(6.5, 2);
        line.end();
        assertArrayEquals(new double[] {0.2, 3, 0, 0.4, 7, 1, 5.5, 2, 0, 6.5, 2, 1}, vertices(path));
    }

    @Test
    void coversThePixelsOfTheLineThroughEveryPoint() {
        int w = 700;
        int h = 400;
        int n = 20000;
        SplittableRandom rng = new SplittableRandom(7);
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            // a decaying loss with noise, as a training run's
            ys[i] = 20 + 300 * Math.exp(-i / 3000.0) + 60 * rng.nextDouble();
        }
        Path2D.Double every = new Path2D.Double();
        Path2D.Double envelope = new Path2D.Double();
        ColumnEnvelope line = new ColumnEnvelope(envelope);
        for (int i = 0; i < n; i++) {
            double x = 10 + (w - 20) * (double) i / (n - 1);
            if (i == 0) {
                every.moveTo(x, ys[i]);
            } else {
                every.lineTo(x, ys[i]);
            }
            line.add(x, ys[i]);
        }
        line.end();
        assertTrue(vertices(envelope).length / 3 < n / 5, "the envelope keeps a few points per column");
        BufferedImage a = render(every, w, h);
        BufferedImage b = render(envelope, w, h);
        int inked = 0;
        int differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int va = a.getRGB(x, y) & 0xFF;
                int vb = b.getRGB(x, y) & 0xFF;
                if (va < 128) {
                    inked++;
                }
                if ((va < 128) != (vb < 128)) {
                    differ++;
                }
            }
        }
        assertTrue(inked > 10000, "the reference line inks " + inked + " pixels");
        assertTrue(differ < inked / 100, differ + " of " + inked + " inked pixels differ");
    }

    private static BufferedImage render(Path2D.Double path, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.dispose();
        return img;
    }
}
