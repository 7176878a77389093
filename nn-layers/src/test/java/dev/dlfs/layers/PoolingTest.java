package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.OptionException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoolingTest {
    private static Layer pool(String type, Map<String, ?> options, int... sampleShape) {
        return LayerRegistry.create(LayerSpec.of(type, options),
                new LayerContext(sampleShape, DType.FLOAT64, new SplittableRandom(1)));
    }

    @Test
    void outputShapesForSizeStrideAndPad() {
        assertArrayEquals(new int[] {30, 12, 12}, pool("pooling", Map.of("size", 2), 30, 24, 24)
                .outputShape(new int[] {30, 24, 24}));
        assertArrayEquals(new int[] {3, 4, 4}, pool("max-pool", Map.of("size", 3, "stride", 2, "pad", 1), 3, 7, 7)
                .outputShape(new int[] {3, 7, 7}));
        assertArrayEquals(new int[] {1, 3, 2}, pool("avg-pool", Map.of("size", 2), 1, 7, 5)
                .outputShape(new int[] {1, 7, 5}));
        assertArrayEquals(new int[] {2, 4, 3}, pool("pooling", Map.of("size", java.util.List.of(2, 3), "stride", 1),
                2, 5, 5).outputShape(new int[] {2, 5, 5}));
    }

    @Test
    void theBooksExample() {
        // One 4×4 channel, 2×2 windows, stride 2: each window's max (or mean)
        Tensor x = Tensor.of(new double[] {
            1, 2, 0, 1,
            3, 0, 2, 4,
            0, 1, 5, 0,
            2, 6, 1, 3}, 1, 1, 4, 4);
        Tensor max = pool("pooling", Map.of("size", 2), 1, 4, 4).forward(x, false);
        assertArrayEquals(new double[] {3, 4, 6, 5}, max.toDoubleArray(), 0.0);
        Tensor avg = pool("pooling", Map.of("size", 2, "mode", "average"), 1, 4, 4).forward(x, false);
        assertArrayEquals(new double[] {1.5, 1.75, 2.25, 2.25}, avg.toDoubleArray(), 1e-15);
    }

    @Test
    void maxPoolingRoutesTheGradientToTheWinnerAndPaddingCountsAsZero() {
        for (DType dtype : DType.values()) {
            Layer p = LayerRegistry.create(LayerSpec.of("max-pool", Map.of("size", 2, "stride", 2, "pad", 1)),
                    new LayerContext(new int[] {1, 2, 2}, dtype, new SplittableRandom(1)));
            // window at (−1, −1): only x[0][0] is inside, and it is negative: the padding's 0 wins
            Tensor x = Tensor.of(new double[] {-1, 2, 3, -4}, 1, 1, 2, 2).to(dtype);
            Tensor y = p.forward(x, true);
            assertArrayEquals(new double[] {0, 2, 3, 0}, y.toDoubleArray(), 0.0, dtype.label());
            Tensor dx = p.backward(Tensor.of(new double[] {10, 20, 30, 40}, 1, 1, 2, 2).to(dtype));
            assertArrayEquals(new double[] {0, 20, 30, 0}, dx.toDoubleArray(), 0.0, dtype.label());
            // ties go to the first element in window order, the padding included: the zeros of the top row tie
            // with padding that comes before them
            Tensor ties = Tensor.of(new double[] {0, 0, 5, 5}, 1, 1, 2, 2).to(dtype);
            p.forward(ties, true);
            assertArrayEquals(new double[] {0, 0, 30, 40}, p.backward(Tensor.of(new double[] {10, 20, 30, 40},
                    1, 1, 2, 2).to(dtype)).toDoubleArray(), 0.0, dtype.label());
            Layer whole = LayerRegistry.create(LayerSpec.of("max-pool", Map.of("size", 2)),
                    new LayerContext(new int[] {1, 2, 2}, dtype, new SplittableRandom(1)));
            whole.forward(Tensor.full(dtype, 3.0, 1, 1, 2, 2), true);
            assertArrayEquals(new double[] {7, 0, 0, 0}, whole.backward(Tensor.full(dtype, 7.0, 1, 1, 1, 1))
                    .toDoubleArray(), 0.0, dtype.label());
        }
    }

    @Test
    void float32MatchesFloat64() {
        Tensor x = Tensor.randn(new SplittableRandom(4), DType.FLOAT64, 2, 3, 6, 6);
        for (String mode : new String[] {"max", "average"}) {
            Map<String, ?> o = Map.of("size", 3, "stride", 2, "pad", 1, "mode", mode);
            Tensor y64 = pool("pooling", o, 3, 6, 6).forward(x, true);
            Layer p32 = LayerRegistry.create(LayerSpec.of("pooling", o),
                    new LayerContext(new int[] {3, 6, 6}, DType.FLOAT32, new SplittableRandom(1)));
            Tensor y32 = p32.forward(x.to(DType.FLOAT32), true);
            assertTrue(y32.to(DType.FLOAT64).maxAbsDiff(y64) < 1e-6, mode);
            Tensor g = Tensor.randn(new SplittableRandom(5), DType.FLOAT64, y64.shape());
            Layer p64 = pool("pooling", o, 3, 6, 6);
            p64.forward(x, true);
            assertTrue(p32.backward(g.to(DType.FLOAT32)).to(DType.FLOAT64).maxAbsDiff(p64.backward(g)) < 1e-6, mode);
        }
    }

    @Test
    void optionsAreChecked() {
        OptionException e = assertThrows(OptionException.class, () -> pool("max-pool", Map.of("size", 2, "mode",
                "average"), 1, 4, 4));
        assertTrue(e.getMessage().contains("unknown option 'mode'"), e.getMessage());
        e = assertThrows(OptionException.class, () -> pool("pooling", Map.of("size", 2, "mode", "median"), 1, 4, 4));
        assertEquals("mode", e.path());
        e = assertThrows(OptionException.class, () -> pool("pooling", Map.of(), 1, 4, 4));
        assertTrue(e.getMessage().contains("'size'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pool("pooling", Map.of("size", 2), 16));
    }
}
