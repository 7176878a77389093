package dev.dlfs.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrayImageTest {
    @Test
    void inkIsDarkAndEachPixelIsAScaledSquare(@TempDir Path dir) throws Exception {
        double[] pixels = {0, 255, 128, 0};      // 2x2, 0..255 like the raw MNIST bytes
        Path file = dir.resolve("digit.png");
        GrayImage.writePng(pixels, 2, 2, 3, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(6, image.getWidth());
        assertEquals(0xffffff, image.getRGB(0, 0) & 0xffffff);      // no ink: white
        assertEquals(0x000000, image.getRGB(5, 2) & 0xffffff);      // full ink: black, the whole 3x3 square
        assertEquals(0x000000, image.getRGB(3, 0) & 0xffffff);
        assertEquals(127, image.getRGB(0, 3) & 0xff);                // half ink: mid grey
    }

    @Test
    void textUsesDarkerCharactersForMoreInk() {
        assertEquals(" @\n@ \n", GrayImage.toText(new double[] {0, 1, 1, 0}, 2, 2));
    }
}
