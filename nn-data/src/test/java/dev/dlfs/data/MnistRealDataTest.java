package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MNIST, checked against its published facts. Parsed once (the files are 47 MB). */
class MnistRealDataTest {
    private static RealData real;

    @BeforeAll
    static void load() throws IOException {
        long t0 = System.nanoTime();
        real = RealData.load(MnistKind.MNIST, ImageFormat.BOOK);
        if (real.present()) {
            System.out.printf("MNIST (60000 + 10000 images) read, verified and normalised in %.0f ms%n",
                    (System.nanoTime() - t0) / 1e6);
        }
    }

    @Test
    void shapesAreTheBooks() {
        DataSplit book = real.get();
        assertArrayEquals(new int[] {60000, 784}, book.train().x().shape());
        assertArrayEquals(new int[] {60000}, book.train().t().shape());
        assertArrayEquals(new int[] {10000, 784}, book.test().x().shape());
        assertEquals(10, book.train().classes());
        assertEquals(DType.FLOAT32, book.train().x().dtype());
    }

    @Test
    void labelCountsArePublishedOnes() {
        DataSplit book = real.get();
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                RealData.classCounts(book.train()));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                RealData.classCounts(book.test()));
    }

    @Test
    void firstTestLabels() {
        DataSplit book = real.get();
        int[] t = Labels.of(book.test().t());
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, java.util.Arrays.copyOf(t, 10));
    }

    @Test
    void normalisedTrainingPixelsHaveTheKnownMeanAndStd() {
        DataSplit book = real.get();
        float[] x = book.train().x().floatArray();
        int off = book.train().x().offset();
        int n = book.train().x().size();
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = off; i < off + n; i++) {
            sum += x[i];
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        double mean = sum / n;
        double sq = 0;
        for (int i = off; i < off + n; i++) {
            sq += (x[i] - mean) * (x[i] - mean);
        }
        double std = Math.sqrt(sq / n);
        assertEquals(0.1307, mean, 5e-5);
        assertEquals(0.3081, std, 5e-5);
        assertEquals(0.0, min);
        assertEquals(1.0, max);
    }

    @Test
    void otherLayoutsHoldTheSameData() throws IOException {
        DataSplit book = real.get();
        DataSplit raw = RealData.load(MnistKind.MNIST, new ImageFormat(false, false, true, DType.FLOAT64)).get();
        assertArrayEquals(new int[] {10000, 1, 28, 28}, raw.test().x().shape());
        assertArrayEquals(new int[] {10000, 10}, raw.test().t().shape());
        assertArrayEquals(Labels.of(book.test().t()), Labels.of(raw.test().t()));
        double[] pixels = raw.train().x().doubleArray();
        float[] normalised = book.train().x().floatArray();
        for (int i = 0; i < pixels.length; i++) {
            assertTrue(pixels[i] == Math.rint(pixels[i]) && pixels[i] >= 0 && pixels[i] <= 255);
            if ((float) pixels[i] / 255f != normalised[i]) {
                assertEquals((float) pixels[i] / 255f, normalised[i], "pixel " + i);
            }
        }
    }
}
