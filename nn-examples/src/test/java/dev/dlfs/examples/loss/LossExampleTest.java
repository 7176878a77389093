package dev.dlfs.examples.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.examples.ExampleContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LossExampleTest {
    @Test
    void softmaxOfTheBooksScores() {
        assertArrayEquals(new double[] {0.01821127, 0.24519181, 0.73659691}, LossExample.softmax(0.3, 2.9, 4.0), 5e-9);
    }

    @Test
    void theBooksLossValues() {
        assertEquals(0.09750000000000003, LossExample.meanSquaredError(LossExample.Y_RIGHT), 1e-15);
        assertEquals(0.5975, LossExample.meanSquaredError(LossExample.Y_WRONG), 1e-15);
        assertEquals(0.510825457099338, LossExample.crossEntropy(LossExample.Y_RIGHT), 1e-15);
        assertEquals(2.302584092994546, LossExample.crossEntropy(LossExample.Y_WRONG), 1e-15);
    }

    @Test
    void printsThemLikeNumPy() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new LossExample().run(new ExampleContext(new PrintStream(bytes, true, StandardCharsets.UTF_8), Path.of(".")));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("softmax([0.3, 2.9, 4.0]) = [0.01821127 0.24519181 0.73659691]   ("), out);
        assertTrue(out.contains("softmax([1010, 1000, 990]) = [9.99954600e-01 4.53978686e-05 2.06106005e-09]"), out);
        assertTrue(out.contains("cross-entropy error: 0.510825457099338 and 2.302584092994546   ("), out);
    }
}
