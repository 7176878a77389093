package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    /** L = sum_ij a_i * b_j * w_ij + sum_i a_i^2, with analytic gradients written out by hand. */
    private static final double[] A = {0.3, -1.2, 2.0};
    private static final double[] B = {0.7, -0.4};

    private static double loss(Tensor a, Tensor w) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += a.getFlat(i) * a.getFlat(i);
            for (int j = 0; j < 2; j++) {
                s += a.getFlat(i) * B[j] * w.get(i, j);
            }
        }
        return s;
    }

    private static Tensor dA(Tensor a, Tensor w) {
        Tensor g = Tensor.zeros(DType.FLOAT64, 3);
        for (int i = 0; i < 3; i++) {
            double v = 2 * a.getFlat(i);
            for (int j = 0; j < 2; j++) {
                v += B[j] * w.get(i, j);
            }
            g.setFlat(i, v);
        }
        return g;
    }

    private static Tensor dW(Tensor a) {
        Tensor g = Tensor.zeros(DType.FLOAT64, 3, 2);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                g.set(a.getFlat(i) * B[j], i, j);
            }
        }
        return g;
    }

    @Test
    void correctGradientsPassAndTensorsAreRestored() {
        Tensor a = Tensor.of(A);
        Tensor w = Tensor.of(new double[][] {{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}});
        Tensor wBefore = w.copy();
        GradientCheck.Report r = GradientCheck.check(
                List.of(new GradientCheck.Target("a", a, dA(a, w)), new GradientCheck.Target("W", w, dW(a))),
                () -> loss(a, w));
        r.assertBelow(1e-8);
        assertEquals(List.of("a", "W"), r.tensors().stream().map(GradientCheck.TensorError::name).toList());
        assertArrayEquals(new int[] {3, 2}, r.get("W").shape());
        assertEquals(Tensor.of(A), a);
        assertEquals(wBefore, w);
    }

    @Test
    void aWrongElementIsFoundAndReported() {
        Tensor a = Tensor.of(A);
        Tensor w = Tensor.of(new double[][] {{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}});
        Tensor wrong = dW(a);
        wrong.set(wrong.get(2, 1) * 1.001, 2, 1);
        GradientCheck.Report r = GradientCheck.check(
                List.of(new GradientCheck.Target("a", a, dA(a, w)), new GradientCheck.Target("W", w, wrong)),
                () -> loss(a, w));
        GradientCheck.TensorError e = r.get("W");
        assertEquals(5, e.worstIndex());
        assertArrayEquals(new int[] {2, 1}, e.worstPosition());
        // |1.001 g - g| / (1.001 |g| + |g|) = 0.001 / 2.001
        assertEquals(0.001 / 2.001, e.maxRelativeError(), 1e-8);
        assertTrue(r.get("a").maxRelativeError() < 1e-8);
        AssertionError err = assertThrows(AssertionError.class, () -> r.assertBelow(1e-6));
        assertTrue(err.getMessage().contains("W(3, 2)"), err.getMessage());
        assertTrue(err.getMessage().contains("[2, 1]"), err.getMessage());
    }

    @Test
    void exactZerosCompareAsEqualAndNaNFails() {
        Tensor x = Tensor.of(new double[] {-1, 2});
        Tensor g = Tensor.of(new double[] {0, 1});      // d/dx of max(x, 0) away from the kink
        GradientCheck.check(List.of(new GradientCheck.Target("x", x, g)),
                () -> Math.max(x.getFlat(0), 0) + Math.max(x.getFlat(1), 0)).assertBelow(1e-9);
        Tensor nan = Tensor.of(new double[] {Double.NaN, 1});
        GradientCheck.Report r = GradientCheck.check(List.of(new GradientCheck.Target("x", x, nan)),
                () -> Math.max(x.getFlat(0), 0) + Math.max(x.getFlat(1), 0));
        assertThrows(AssertionError.class, () -> r.assertBelow(1e-6));
    }

    @Test
    void float32AndShapeMismatchesAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientCheck.Target("W", Tensor.zeros(2, 2), Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientCheck.Target("W",
                Tensor.zeros(DType.FLOAT64, 2, 2), Tensor.zeros(DType.FLOAT64, 4)));
        assertTrue(e.getMessage().contains("(2, 2)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
