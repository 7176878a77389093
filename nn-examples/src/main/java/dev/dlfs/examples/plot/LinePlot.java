package dev.dlfs.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small line chart drawn with Java2D: axes with ticks and grid, a title, axis labels, any number of series and a
 * legend. Immutable: every setter returns a new plot.
 *
 * <pre>{@code
 * LinePlot.titled("Loss per iteration").xLabel("iteration").yLabel("loss")
 *         .add(Series.line("train loss", losses))
 *         .writePng(Path.of("loss.png"), 640, 480);
 * }</pre>
 */
public final class LinePlot {
    /** matplotlib's default colour cycle, so the figures look like the book's. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };

    private static final int LEFT = 72;
    private static final int RIGHT = 18;
    private static final int TOP = 34;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final double[] xRange;
    private final double[] yRange;

    private LinePlot(String title, String xLabel, String yLabel, List<Series> series, double[] xRange,
                     double[] yRange) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.xRange = xRange;
        this.yRange = yRange;
    }

    /** An empty plot with a title. */
    public static LinePlot titled(String title) {
        return new LinePlot(title, "", "", List.of(), null, null);
    }

    public LinePlot xLabel(String label) {
        return new LinePlot(title, label, yLabel, series, xRange, yRange);
    }

    public LinePlot yLabel(String label) {
        return new LinePlot(title, xLabel, label, series, xRange, yRange);
    }

    /** Adds a series; one without a colour takes the next palette colour. */
    public LinePlot add(Series s) {
        List<Series> more = new ArrayList<>(series);
        more.add(s);
        return new LinePlot(title, xLabel, yLabel, more, xRange, yRange);
    }

    /** Fixes the x axis to {@code [lo, hi]} instead of fitting the data. */
    public LinePlot xRange(double lo, double hi) {
        return new LinePlot(title, xLabel, yLabel, series, checkedRange("x", lo, hi), yRange);
    }

    /** Fixes the y axis to {@code [lo, hi]} instead of fitting the data. */
    public LinePlot yRange(double lo, double hi) {
        return new LinePlot(title, xLabel, yLabel, series, xRange, checkedRange("y", lo, hi));
    }

    public List<Series> series() {
        return series;
    }

    /** Renders into a new RGB image of {@code width × height} pixels. */
    public BufferedImage toImage(int width, int height) {
        BufferedImage image = PngFile.canvas(width, height);
        Graphics2D g = image.createGraphics();
        try {
            render(g, 0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the plot as a PNG of {@code width × height} pixels, atomically. */
    public void writePng(Path file, int width, int height) throws IOException {
        PngFile.write(toImage(width, height), file);
    }

    /** Draws the plot into the rectangle {@code (x, y, width, height)} of {@code g}. */
    public void render(Graphics2D g, int x, int y, int width, int height) {
        if (width < LEFT + RIGHT + 20 || height < TOP + BOTTOM + 20) {
            throw new IllegalArgumentException("plot '" + title + "': " + width + "x" + height
                    + " pixels is too small to draw; use at least " + (LEFT + RIGHT + 20) + "x" + (TOP + BOTTOM + 20));
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(x, y, width, height);

        Frame f = new Frame(x + LEFT, y + TOP, width - LEFT - RIGHT, height - TOP - BOTTOM,
                range(xRange, true), range(yRange, false));
        drawAxes(g, f, x, y, width, height);
        List<Color> colors = colors();
        Shape oldClip = g.getClip();
        g.clipRect(f.left, f.top, f.width + 1, f.height + 1);
        for (int i = 0; i < series.size(); i++) {
            drawSeries(g, f, series.get(i), colors.get(i));
        }
        g.setClip(oldClip);
        drawLegend(g, f, colors);
    }

    /** The plotting area and the data ranges it shows. */
    private record Frame(int left, int top, int width, int height, double[] xs, double[] ys) {
        double px(double v) {
            return left + (v - xs[0]) / (xs[1] - xs[0]) * width;
        }

        double py(double v) {
            return top + height - (v - ys[0]) / (ys[1] - ys[0]) * height;
        }
    }

    private void drawAxes(Graphics2D g, Frame f, int x, int y, int width, int height) {
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font big = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();

        double xStep = Ticks.niceStep(f.xs[0], f.xs[1], Math.max(2, f.width / 70));
        for (double v : Ticks.positions(f.xs[0], f.xs[1], xStep)) {
            int px = (int) Math.round(f.px(v));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(px, f.top, px, f.top + f.height);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(px, f.top + f.height, px, f.top + f.height + 4);
            String s = Ticks.label(v, xStep);
            g.drawString(s, px - fm.stringWidth(s) / 2, f.top + f.height + 6 + fm.getAscent());
        }
        double yStep = Ticks.niceStep(f.ys[0], f.ys[1], Math.max(2, f.height / 45));
        for (double v : Ticks.positions(f.ys[0], f.ys[1], yStep)) {
            int py = (int) Math.round(f.py(v));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(f.left, py, f.left + f.width, py);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(f.left - 4, py, f.left, py);
            String s = Ticks.label(v, yStep);
            g.drawString(s, f.left - 7 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(f.left, f.top, f.width, f.height);

        g.setFont(big);
        FontMetrics bm = g.getFontMetrics();
        g.drawString(title, x + (width - bm.stringWidth(title)) / 2, y + TOP - 12);
        g.setFont(small);
        g.drawString(xLabel, f.left + (f.width - fm.stringWidth(xLabel)) / 2, y + height - 10);
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(f.top + (f.height + fm.stringWidth(yLabel)) / 2), x + 16);
        g.setTransform(old);
    }

    private static void drawSeries(Graphics2D g, Frame f, Series s, Color color) {
        g.setColor(color);
        boolean line = s.style() != Series.Style.MARKERS;
        boolean markers = s.style() == Series.Style.MARKERS || s.style() == Series.Style.LINE_AND_MARKERS;
        if (line) {
            g.setStroke(s.style() == Series.Style.DASHED ? dashed(1.6f)
                    : new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Double path = new Path2D.Double();
            ColumnEnvelope envelope = new ColumnEnvelope(path);
            for (int i = 0; i < s.size(); i++) {
                double xv = s.xAt(i);
                double yv = s.yAt(i);
                if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                    envelope.end();
                    continue;
                }
                envelope.add(f.px(xv), f.py(yv));
            }
            envelope.end();
            g.draw(path);
        }
        if (markers) {
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.xAt(i)) && Double.isFinite(s.yAt(i))) {
                    g.fill(new Ellipse2D.Double(f.px(s.xAt(i)) - 3, f.py(s.yAt(i)) - 3, 6, 6));
                }
            }
        }
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    private void drawLegend(Graphics2D g, Frame f, List<Color> colors) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).label() != null && !series.get(i).label().isEmpty()) {
                shown.add(i);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int textWidth = 0;
        for (int i : shown) {
            textWidth = Math.max(textWidth, fm.stringWidth(series.get(i).label()));
        }
        int rowHeight = fm.getHeight() + 2;
        int boxWidth = textWidth + 42;
        int boxHeight = shown.size() * rowHeight + 8;
        int bx = legendOnLeft(f) ? f.left + 8 : f.left + f.width - boxWidth - 8;
        int by = legendAtBottom(f) ? f.top + f.height - boxHeight - 8 : f.top + 8;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(bx, by, boxWidth, boxHeight);
        g.setColor(new Color(0xbbbbbb));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(bx, by, boxWidth, boxHeight);
        for (int row = 0; row < shown.size(); row++) {
            Series s = series.get(shown.get(row));
            int cy = by + 4 + row * rowHeight + rowHeight / 2;
            g.setColor(colors.get(shown.get(row)));
            if (s.style() == Series.Style.MARKERS) {
                g.fill(new Ellipse2D.Double(bx + 17, cy - 3, 6, 6));
            } else {
                g.setStroke(s.style() == Series.Style.DASHED ? dashed(2f) : new BasicStroke(2f));
                g.drawLine(bx + 8, cy, bx + 32, cy);
            }
            g.setColor(Color.BLACK);
            g.drawString(s.label(), bx + 38, cy + fm.getAscent() / 2 - 1);
        }
    }

    /** Puts the legend where the data is not: the corner whose quarter of the area holds the fewest points. */
    private boolean legendOnLeft(Frame f) {
        return quarterCount(f, true, legendAtBottom(f)) < quarterCount(f, false, legendAtBottom(f));
    }

    private boolean legendAtBottom(Frame f) {
        int topCount = Math.min(quarterCount(f, true, false), quarterCount(f, false, false));
        int bottomCount = Math.min(quarterCount(f, true, true), quarterCount(f, false, true));
        return bottomCount < topCount;
    }

    private int quarterCount(Frame f, boolean left, boolean bottom) {
        int n = 0;
        double xMid = (f.xs[0] + f.xs[1]) / 2;
        double yMid = (f.ys[0] + f.ys[1]) / 2;
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                double xv = s.xAt(i);
                double yv = s.yAt(i);
                if ((xv < xMid) == left && (yv < yMid) == bottom) {
                    n++;
                }
            }
        }
        return n;
    }

    private List<Color> colors() {
        List<Color> out = new ArrayList<>();
        int next = 0;
        for (Series s : series) {
            out.add(s.color() != null ? s.color() : PALETTE[next++ % PALETTE.length]);
        }
        return out;
    }

    /** The fixed range, or the data's range padded by 5% (matplotlib's margins). */
    private double[] range(double[] fixed, boolean xAxis) {
        if (fixed != null) {
            return fixed;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                double v = xAxis ? s.xAt(i) : s.yAt(i);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }

    private double[] checkedRange(String axis, double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("plot '" + title + "': " + axis + " range [" + lo + ", " + hi
                    + "] must be finite with low < high");
        }
        return new double[] {lo, hi};
    }
}
