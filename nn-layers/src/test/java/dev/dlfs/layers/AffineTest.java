package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AffineTest {
    private static Layer affine(int units, DType dtype, int... sampleShape) {
        return LayerRegistry.create(LayerSpec.of("affine", Map.of("units", units)),
                new LayerContext(sampleShape, dtype, new SplittableRandom(1)));
    }

    @Test
    void float32ForwardAndBackwardMatchPlainLoops() {
        Layer a = affine(7, DType.FLOAT32, 2, 3, 3);
        Tensor w = a.parameters().get(0).value();
        Tensor b = a.parameters().get(1).value();
        b.copyFrom(Tensor.arange(7).mul(0.1));
        Tensor x = Tensor.randn(new SplittableRandom(2), DType.FLOAT32, 5, 2, 3, 3);
        Tensor y = a.forward(x, true);
        assertArrayEquals(new int[] {5, 7}, y.shape());
        Tensor g = Tensor.randn(new SplittableRandom(3), DType.FLOAT32, 5, 7);
        Tensor dx = a.backward(g);
        assertArrayEquals(new int[] {5, 2, 3, 3}, dx.shape(), "the input's shape comes back");
        Tensor x2 = x.reshape(5, 18);
        for (int n = 0; n < 5; n++) {
            for (int j = 0; j < 7; j++) {
                double s = b.getFlat(j);
                for (int i = 0; i < 18; i++) {
                    s += x2.get(n, i) * w.get(i, j);
                }
                assertEquals(s, y.get(n, j), 1e-5);
            }
            for (int i = 0; i < 18; i++) {
                double s = 0;
                for (int j = 0; j < 7; j++) {
                    s += g.get(n, j) * w.get(i, j);
                }
                assertEquals(s, dx.reshape(5, 18).get(n, i), 1e-5);
            }
        }
        Tensor dW = a.parameters().get(0).grad();
        for (int i = 0; i < 18; i++) {
            for (int j = 0; j < 7; j++) {
                double s = 0;
                for (int n = 0; n < 5; n++) {
                    s += x2.get(n, i) * g.get(n, j);
                }
                assertEquals(s, dW.get(i, j), 1e-5);
            }
        }
        for (int j = 0; j < 7; j++) {
            double s = 0;
            for (int n = 0; n < 5; n++) {
                s += g.get(n, j);
            }
            assertEquals(s, a.parameters().get(1).grad().getFlat(j), 1e-5);
        }
    }

    @Test
    void workspacesAreReusedWhileTheBatchShapeStays() {
        Layer a = affine(4, DType.FLOAT32, 6);
        Tensor x = Tensor.randn(new SplittableRandom(4), DType.FLOAT32, 10, 6);
        Tensor y1 = a.forward(x, true);
        Tensor dx1 = a.backward(y1.copy());
        assertSame(y1, a.forward(x, true));
        assertSame(dx1, a.backward(y1.copy()));
        // a smaller last batch reads the first rows of the same buffers; a larger one allocates
        Tensor small = a.forward(x.rows(0, 3), true);
        assertArrayEquals(new int[] {3, 4}, small.shape());
        assertTrue(y1.rows(0, 3).equals(small));
        assertNotSame(y1, a.forward(Tensor.zeros(12, 6), true));
    }

    @Test
    void parametersFollowTheBook() {
        Layer a = affine(50, DType.FLOAT32, 784);
        Parameter w = a.parameters().get(0);
        Parameter b = a.parameters().get(1);
        assertArrayEquals(new int[] {784, 50}, w.value().shape());
        assertArrayEquals(new int[] {50}, b.value().shape());
        assertTrue(w.regularized());
        assertTrue(!b.regularized());
        assertEquals(0.0, b.value().maxAbsDiff(Tensor.zeros(50)));
        assertArrayEquals(new int[] {50}, a.outputShape(new int[] {784}));
        assertArrayEquals(new int[] {50}, a.outputShape(new int[] {1, 28, 28}));
    }

    @Test
    void mismatchedInputIsNamed() {
        Layer a = affine(3, DType.FLOAT32, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.forward(Tensor.zeros(2, 5), true));
        assertTrue(e.getMessage().contains("float32(2, 5)") && e.getMessage().contains("4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.forward(Tensor.zeros(DType.FLOAT64, 2, 4), true));
        assertTrue(e.getMessage().contains("float64(2, 4)"), e.getMessage());
        a.forward(Tensor.zeros(2, 4), true);
        e = assertThrows(IllegalArgumentException.class, () -> a.backward(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("affine backward"), e.getMessage());
    }
}
