package dev.dlfs.examples.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.examples.ExampleContext;
import dev.dlfs.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayersExampleTest {
    @Test
    void theThreeLayerNetworkGivesTheBooksOutput() {
        Tensor y = LayersExample.threeLayerForward();
        assertArrayEquals(new double[] {0.31682708, 0.69627909}, y.toDoubleArray(), 5e-9);
    }

    @Test
    void gatesHaveTheirTruthTables() {
        int[][] inputs = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        int[] and = {0, 0, 0, 1};
        int[] nand = {1, 1, 1, 0};
        int[] or = {0, 1, 1, 1};
        int[] xor = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            int a = inputs[i][0];
            int b = inputs[i][1];
            assertEquals(and[i], Perceptron.AND.fire(a, b));
            assertEquals(nand[i], Perceptron.NAND.fire(a, b));
            assertEquals(or[i], Perceptron.OR.fire(a, b));
            assertEquals(xor[i], Perceptron.xor(a, b));
        }
    }

    @Test
    void printsTheBooksNumbersAndSavesThePlots(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new LayersExample().run(new ExampleContext(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("y = [0.31682708 0.69627909]   ("), out);
        assertTrue(out.contains("sigmoid(x)   = [0.26894142 0.73105858 0.88079708]   ("), out);
        BufferedImage plots = ImageIO.read(dir.resolve("activations.png").toFile());
        assertEquals(960, plots.getWidth());
        assertEquals(720, plots.getHeight());
    }
}
