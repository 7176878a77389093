package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** allClose, maxAbsDiff and allFinite, including NaN, infinities and mixed dtypes. */
class TensorComparisonTest {
    @Test
    void allCloseUsesAbsoluteAndRelativeTolerance() {
        Tensor a = Tensor.of(new double[] {1, 100, 0});
        assertTrue(a.allClose(Tensor.of(new double[] {1.05, 100, 0}), 0, 0.1));
        assertFalse(a.allClose(Tensor.of(new double[] {1.2, 100, 0}), 0, 0.1));
        assertTrue(a.allClose(Tensor.of(new double[] {1, 101, 0}), 0.011, 0));
        assertFalse(a.allClose(Tensor.of(new double[] {1, 102, 0}), 0.011, 0));
        assertFalse(a.allClose(Tensor.of(new double[] {1, 100, 1e-9}), 0.5, 0), "relative tolerance of 0 is 0");
    }

    @Test
    void allCloseTreatsNaNAsNeverCloseAndInfinitiesAsEqualToThemselves() {
        Tensor inf = Tensor.of(new double[] {Double.POSITIVE_INFINITY, -1});
        assertTrue(inf.allClose(inf.copy(), 0, 0));
        assertFalse(inf.allClose(Tensor.of(new double[] {Double.NEGATIVE_INFINITY, -1}), 1, 1));
        Tensor nan = Tensor.of(new double[] {Double.NaN});
        assertFalse(nan.allClose(nan.copy(), 1, 1));
    }

    @Test
    void comparisonsAcceptMixedDtypes() {
        Tensor f = Tensor.of(new float[] {0.1f, 2});
        Tensor d = Tensor.of(new double[] {0.1, 2});
        assertTrue(f.allClose(d, 1e-6, 0));
        assertEquals(Math.abs((double) 0.1f - 0.1), f.maxAbsDiff(d), 0);
    }

    @Test
    void maxAbsDiffIsTheLargestDifferenceOrNaN() {
        Tensor a = Tensor.of(new double[] {1, -2, 3}, 3, 1);
        assertEquals(4, a.maxAbsDiff(Tensor.of(new double[] {0, 2, 3}, 3, 1)), 0);
        assertTrue(Double.isNaN(a.maxAbsDiff(Tensor.of(new double[] {Double.NaN, 5, 3}, 3, 1))));
        assertEquals(0, Tensor.zeros(0).maxAbsDiff(Tensor.zeros(0)), 0);
    }

    @Test
    void allFiniteRejectsNaNAndInfinities() {
        assertTrue(Tensor.of(new float[] {1, -1e30f}).allFinite());
        assertFalse(Tensor.of(new float[] {1, Float.NaN}).allFinite());
        assertFalse(Tensor.of(new double[] {Double.NEGATIVE_INFINITY}).allFinite());
        assertTrue(Tensor.zeros(0).allFinite());
    }
}
