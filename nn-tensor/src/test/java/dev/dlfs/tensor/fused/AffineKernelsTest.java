package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bias gradient is each column summed from 0 in batch order, in the tensor's own precision, at any width. */
class AffineKernelsTest {
    @Test
    void eachColumnIsSummedFromZeroInBatchOrder() {
        for (DType dtype : DType.values()) {
            for (int units : new int[] {1, 3, 7, 13, 31, 37, 100}) {
                int n = 9;
                Tensor dout = Tensor.randn(new SplittableRandom(units), dtype, n + 1, units).rows(1, n + 1);
                dout.set(-0.0, 0, 0);
                Tensor db = AffineKernels.biasGradient(dout, Tensor.full(dtype, 5, units));
                for (int j = 0; j < units; j++) {
                    float f = 0f;
                    double d = 0;
                    for (int i = 0; i < n; i++) {
                        f += (float) dout.get(i, j);
                        d += dout.get(i, j);
                    }
                    double want = dtype == DType.FLOAT32 ? f : d;
                    assertEquals(want, db.getFlat(j), dtype + " units " + units + " column " + j);
                }
            }
        }
    }

    @Test
    void theBiasIsAddedToEveryRowAsABroadcastAddWould() {
        for (DType dtype : DType.values()) {
            for (int units : new int[] {1, 3, 7, 13, 31, 37, 100}) {
                Tensor y = Tensor.randn(new SplittableRandom(units), dtype, 6, units).rows(1, 6);
                Tensor b = Tensor.randn(new SplittableRandom(units + 1), dtype, units);
                Tensor want = y.add(b);
                Tensor before = y.copy();
                AffineKernels.addBias(y, b);
                assertEquals(want, y, dtype + " units " + units);
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < units; j++) {
                        double sum = dtype == DType.FLOAT32 ? (float) before.get(i, j) + (float) b.get(j)
                                : before.get(i, j) + b.get(j);
                        assertEquals(sum, y.get(i, j), dtype + " row " + i + " column " + j);
                    }
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AffineKernels.addBias(Tensor.zeros(DType.FLOAT32, 4, 3), Tensor.zeros(DType.FLOAT32, 4)));
        assertTrue(e.getMessage().contains("b float32(4,)"), e.getMessage());
    }

    @Test
    void aColumnOfNegativeZerosSumsToPositiveZero() {
        Tensor dout = Tensor.full(DType.FLOAT32, -0.0, 4, 1);
        assertEquals(0x0, Float.floatToRawIntBits((float) AffineKernels.biasGradient(dout, Tensor.ones(1)).item()));
    }

    @Test
    void shapesAndDtypesThatDoNotFitAreNamed() {
        Tensor dout = Tensor.zeros(DType.FLOAT32, 4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AffineKernels.biasGradient(dout, Tensor.zeros(DType.FLOAT32, 4)));
        assertTrue(e.getMessage().contains("db float32(4,)") && e.getMessage().contains("float32(3,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AffineKernels.biasGradient(dout, Tensor.zeros(DType.FLOAT64, 3)));
        assertTrue(e.getMessage().contains("db float64(3,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AffineKernels.biasGradient(Tensor.zeros(DType.FLOAT32, 12), Tensor.zeros(DType.FLOAT32, 12)));
        assertTrue(e.getMessage().contains("is not (N, units)"), e.getMessage());
    }
}
