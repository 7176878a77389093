package dev.dlfs.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.examples.ExampleContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the real MNIST files (scripts/test.sh fetches them first). */
class DataExampleTest {
    @Test
    void printsTheFirstDigitAndMnistsPublishedLabelCounts(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataExample().run(new ExampleContext(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("its label is 5 "), out);
        // MNIST's published class sizes: 5923 zeros and 6742 ones in training, 980 and 1135 in the test set.
        assertTrue(out.contains("\n  0   5923    980\n"), out);
        assertTrue(out.contains("\n  1   6742   1135\n"), out);
        assertTrue(out.contains("\n  =  60000  10000\n"), out);
        BufferedImage digit = ImageIO.read(dir.resolve("mnist-first-digit.png").toFile());
        assertEquals(280, digit.getWidth());
        assertEquals(280, digit.getHeight());
    }
}
