package dev.dlfs.examples.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** A grey-scale picture of one sample (e.g. a 28×28 MNIST digit), enlarged with square pixels. */
public final class GrayImage {
    private GrayImage() {
    }

    /**
     * Writes {@code pixels} (row-major, {@code height × width}, values in {@code [0, 1]} or {@code [0, 255]}) as a
     * PNG, each pixel drawn as a {@code scale × scale} square; ink is dark on white, like the book's figures.
     */
    public static void writePng(double[] pixels, int height, int width, int scale, Path file) throws IOException {
        if (pixels.length != height * width || scale <= 0) {
            throw new IllegalArgumentException("image of " + height + "x" + width + " needs " + height * width
                    + " pixels and a positive scale; got " + pixels.length + " pixels, scale " + scale);
        }
        double max = 0;
        for (double p : pixels) {
            max = Math.max(max, p);
        }
        double full = max > 1 ? 255 : 1;
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = Math.clamp(pixels[r * width + c] / full, 0, 1);
                int level = (int) Math.round(255 * (1 - v));
                int rgb = level << 16 | level << 8 | level;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(c * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        PngFile.write(image, file);
    }

    /** The picture as text, one character per pixel from light to dark, for a terminal. */
    public static String toText(double[] pixels, int height, int width) {
        String shades = " .:-=+*#%@";
        double max = 0;
        for (double p : pixels) {
            max = Math.max(max, p);
        }
        double full = max > 1 ? 255 : 1;
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = Math.clamp(pixels[r * width + c] / full, 0, 1);
                sb.append(shades.charAt((int) Math.min(shades.length() - 1, Math.floor(v * shades.length()))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
