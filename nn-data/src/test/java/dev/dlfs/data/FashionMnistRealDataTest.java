package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Fashion-MNIST (e.g. Debian's dataset-fashion-mnist package, gzip-compressed), against its facts. */
class FashionMnistRealDataTest {
    private static RealData real;

    @BeforeAll
    static void load() throws IOException {
        long t0 = System.nanoTime();
        real = RealData.load(MnistKind.FASHION_MNIST, ImageFormat.BOOK.withOneHot(true));
        if (real.present()) {
            System.out.printf("Fashion-MNIST read from %s, verified and normalised in %.0f ms%n",
                    Mnist.locate(MnistKind.FASHION_MNIST, MnistOptions.DEFAULT), (System.nanoTime() - t0) / 1e6);
        }
    }

    @Test
    void everyClassHas6000TrainingAnd1000TestImages() {
        DataSplit fashion = real.get();
        int[] train = new int[10];
        int[] test = new int[10];
        Arrays.fill(train, 6000);
        Arrays.fill(test, 1000);
        assertArrayEquals(train, RealData.classCounts(fashion.train()));
        assertArrayEquals(test, RealData.classCounts(fashion.test()));
    }

    @Test
    void shapesAndClassNames() {
        DataSplit fashion = real.get();
        assertArrayEquals(new int[] {60000, 784}, fashion.train().x().shape());
        assertArrayEquals(new int[] {10000, 10}, fashion.test().t().shape());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), fashion.train().classNames());
        assertEquals(0.0, fashion.train().x().minAll());
        assertEquals(1.0, fashion.train().x().maxAll());
    }
}
