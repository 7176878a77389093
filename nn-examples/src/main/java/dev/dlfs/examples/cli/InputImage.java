package dev.dlfs.examples.cli;

import dev.dlfs.tensor.io.ReadableFile;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image file turned into one network input the way MNIST's are: grey-scale, resized to the network's height and
 * width, light ink on a dark background (a dark-on-light drawing is inverted), values in [0, 1].
 */
final class InputImage {
    /** The largest picture decoded: 50 million pixels take 200 MB once decoded. */
    static final long MAX_PIXELS = 50_000_000L;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private InputImage() {
    }

    /** {@code height × width} values in [0, 1], row by row. */
    static double[] read(Path file, int height, int width) throws IOException {
        BufferedImage source = decode(file);
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

    /**
     * The picture in {@code file}; a file that is no image, a damaged one or one too large to decode is a
     * {@link UserError} naming the file and the decoder's complaint. The size is read from the header first, so
     * a huge picture is refused before any memory is spent on it.
     */
    private static BufferedImage decode(Path file) throws IOException {
        ReadableFile.size(file, "an image");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UserError("cannot read " + file + " as an image: it is in none of the formats Java reads",
                        "Give a PNG, JPEG, GIF or BMP file.");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new UserError(String.format(Locale.ROOT, "%s is %d × %d pixels, more than the %,d a"
                            + " picture may have here", file, reader.getWidth(0), reader.getHeight(0), MAX_PIXELS),
                            "Shrink it first; the network sees it at its input size anyway.");
                }
                return reader.read(0);
            } catch (IIOException | RuntimeException e) {
                if (e instanceof UserError u) {
                    throw u;
                }
                throw new UserError("cannot read " + file + " as a " + format + " image: " + damage(e),
                        "The file is damaged or cut short; export the picture again as PNG, JPEG, GIF or BMP.", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The decoder's complaint and its cause: "I/O error reading PNG header (EOFException)". */
    private static String damage(Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("[.!]+$", "");
        Throwable cause = e.getCause();
        return cause == null ? what : what + " (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
    }
}
