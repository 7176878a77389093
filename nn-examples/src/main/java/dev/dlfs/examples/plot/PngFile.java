package dev.dlfs.examples.plot;

import dev.dlfs.tensor.io.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG images written atomically: into a temporary file beside the target, then moved over it. */
public final class PngFile {
    static {
        // Plots are drawn off-screen; without this, AWT may look for a display on some systems.
        System.setProperty("java.awt.headless", "true");
    }

    private PngFile() {
    }

    /** A white RGB image to draw on. */
    public static BufferedImage canvas(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must be positive");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Writes {@code image} to {@code file} as PNG, creating parent folders; never leaves a half-written file. */
    public static void write(BufferedImage image, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        ImageWriter png = writers.next();
        try {
            // Cached in memory, not in a temporary file of ImageIO's own elsewhere: a failure to write is then the
            // target's, and named with it; and a run stopped by Ctrl-C can still write its plots (ImageIO's file
            // cache registers a delete-on-exit, refused once the JVM is shutting down).
            AtomicFile.write(target, out -> {
                try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                    png.setOutput(stream);
                    png.write(image);
                }
            });
        } finally {
            png.dispose();
        }
    }
}
