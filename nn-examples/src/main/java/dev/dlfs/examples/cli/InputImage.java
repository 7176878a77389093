package dev.dlfs.examples.cli;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An image file turned into one network input the way MNIST's are: grey-scale, resized to the network's height and
 * width, light ink on a dark background (a dark-on-light drawing is inverted), values in [0, 1].
 */
final class InputImage {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private InputImage() {
    }

    /** {@code height × width} values in [0, 1], row by row. */
    static double[] read(Path file, int height, int width) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        BufferedImage source = ImageIO.read(file.toFile());
        if (source == null) {
            throw new UserError("cannot read " + file + " as an image", "Give a PNG, JPEG, GIF or BMP file.");
        }
        // Area averaging keeps thin strokes visible when a large drawing is shrunk to 28x28.
        Image scaled = source.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING);
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);      // transparent pixels count as paper
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        double[] v = new double[height * width];
        double mean = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int rgb = gray.getRGB(c, r);
                double lum = (0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
                v[r * width + c] = lum;
                mean += lum;
            }
        }
        mean /= v.length;
        if (mean > 0.5) {
            for (int i = 0; i < v.length; i++) {
                v[i] = 1 - v[i];
            }
        }
        return v;
    }
}
