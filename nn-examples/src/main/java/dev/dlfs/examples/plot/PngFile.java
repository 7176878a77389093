package dev.dlfs.examples.plot;

import dev.dlfs.tensor.io.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

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
        // ImageIO's default file cache registers a delete-on-exit, which fails once the JVM is shutting down, and a
        // stopped run writes its plots exactly then; a plot fits in memory.
        ImageIO.setUseCache(false);
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }
}
