package dev.dlfs.examples.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Several plots side by side in rows and columns of equal cells, like matplotlib's subplots. */
public record PlotGrid(int columns, List<LinePlot> plots) {
    public PlotGrid {
        if (columns <= 0 || plots.isEmpty()) {
            throw new IllegalArgumentException("a plot grid needs at least one column and one plot");
        }
        plots = List.copyOf(plots);
    }

    /** Writes the grid as one PNG, each cell {@code cellWidth × cellHeight} pixels. */
    public void writePng(Path file, int cellWidth, int cellHeight) throws IOException {
        int rows = (plots.size() + columns - 1) / columns;
        BufferedImage image = PngFile.canvas(cellWidth * Math.min(columns, plots.size()), cellHeight * rows);
        Graphics2D g = image.createGraphics();
        try {
            for (int i = 0; i < plots.size(); i++) {
                plots.get(i).render(g, (i % columns) * cellWidth, (i / columns) * cellHeight, cellWidth, cellHeight);
            }
        } finally {
            g.dispose();
        }
        PngFile.write(image, file);
    }
}
