package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The book's networks through the command line, on real MNIST (scripts/test.sh fetches it): the ch03 network with
 * the book's pretrained weights, and the ch05 gradient check of the two-layer net.
 */
class BookNetworksTest {
    private static final Path HOME = Path.of(System.getProperty("dlfs.home", ".."));
    /** The book's weights as committed in the repository, with their licence. */
    static final Path SAMPLE_WEIGHT = HOME.resolve("nn-model/src/test/resources/book-weights/sample_weight.npz");

    @Test
    void theBooksSampleWeightsClassify9352TestImagesCorrectly() {
        Path weights = SAMPLE_WEIGHT;
        Run r = Run.of("eval", HOME.resolve("examples/sigmoid-net.yaml").toString(), "--weights", weights.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("accuracy 0.9352 (9352 of 10000 correct)"), r.out());
        // The book's README lists image 8 (a 5) as the one of the first ten it gets wrong (as a 6): row 5 of the
        // confusion matrix therefore has a count in column 6.
        Matcher row5 = Pattern.compile("(?m)^ +5 +((?:\\d+ +){10})").matcher(r.out());
        assertTrue(row5.find(), r.out());
        assertTrue(Integer.parseInt(row5.group(1).trim().split(" +")[6]) > 0, r.out());
    }

    @Test
    void predictReadsADrawingAndFindsTheDigit(@TempDir Path dir) throws Exception {
        Path weights = SAMPLE_WEIGHT;
        // Test image 0 (a 7) saved as a picture the way a person draws: dark ink on white, 10x larger.
        var mnist = dev.dlfs.data.DataSourceRegistry.create("mnist", dev.dlfs.tensor.spi.Options.empty());
        Path png = dir.resolve("seven.png");
        dev.dlfs.examples.plot.GrayImage.writePng(mnist.test().x().row(0).toDoubleArray(), 28, 28, 10, png);
        Run r = Run.of("predict", HOME.resolve("examples/sigmoid-net.yaml").toString(), "--weights",
                weights.toString(), png.toString());
        assertEquals(0, r.exitCode(), r.toString());
        // The reference softmax for image 0 gives class 7 a probability of 0.99706497.
        Matcher m = Pattern.compile("predicted class 7 with probability (\\d\\.\\d{4})").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(0.9971, Double.parseDouble(m.group(1)), 0.002);
    }

    /** In its own JVM: inside the test JVM this run is many times slower (its kernels stay interpreted). */
    @Test
    void theTwoLayerNetPassesTheBooksGradientCheck(@TempDir Path dir) throws Exception {
        ForkedDlfs.Result r = ForkedDlfs.run(dir, "gradcheck", HOME.resolve("examples/two-layer-net.yaml").toString());
        assertEquals(0, r.exitCode(), r.toString());
        // Mean |backprop - numerical| per parameter; a NumPy float64 implementation of the book's TwoLayerNet on
        // the same three images gives 5.1e-10 (W1), 2.7e-09 (b1), 5.5e-09 (W2) and 1.4e-07 (b2), the last set by
        // the 1e-7 inside the book's log(y + 1e-7).
        assertBelow(r.out(), "affine1.W (W1)", 1e-8);
        assertBelow(r.out(), "affine1.b (b1)", 1e-7);
        assertBelow(r.out(), "affine2.W (W2)", 1e-7);
        assertBelow(r.out(), "affine2.b (b2)", 1e-6);
    }

    private static void assertBelow(String out, String parameter, double limit) {
        Matcher m = Pattern.compile(Pattern.quote(parameter) + " +(\\S+)").matcher(out);
        assertTrue(m.find(), parameter + " missing from\n" + out);
        double diff = Double.parseDouble(m.group(1));
        assertTrue(diff < limit && diff >= 0, parameter + ": mean difference " + diff + " not below " + limit);
    }
}
