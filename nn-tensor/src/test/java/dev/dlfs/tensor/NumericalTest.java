package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The book's chapter 4 numbers (float64). */
class NumericalTest {
    private static double function2(Tensor x) {
        double s = 0;
        for (int i = 0; i < x.size(); i++) {
            s += x.getFlat(i) * x.getFlat(i);
        }
        return s;
    }

    @Test
    void numericalDiffOfFunction1MatchesTheBook() {
        // x * x first, as Python evaluates 0.01*x**2: the last digits depend on it.
        assertEquals(0.1999999999990898, Numerical.numericalDiff(x -> 0.01 * (x * x) + 0.1 * x, 5), 0.0);
        assertEquals(0.2999999999986347, Numerical.numericalDiff(x -> 0.01 * (x * x) + 0.1 * x, 10), 0.0);
    }

    @Test
    void numericalGradientOfFunction2MatchesTheBook() {
        Tensor x = Tensor.of(new double[] {3, 4});
        assertArrayEquals(new double[] {6, 8},
                Numerical.numericalGradient(NumericalTest::function2, x).toDoubleArray(), 1e-7);
        assertArrayEquals(new double[] {0, 4},
                Numerical.numericalGradient(NumericalTest::function2, Tensor.of(new double[] {0, 2}))
                        .toDoubleArray(), 1e-7);
        assertArrayEquals(new double[] {3, 4}, x.toDoubleArray(), 0.0, "x is restored after perturbation");
    }

    @Test
    void numericalGradientHandlesAnyShape() {
        // f = sum(w .* x^3) over a (2, 3, 2) tensor; df/dx = 3 w x^2, computed in closed form independently.
        double[] w = new double[12];
        double[] xs = new double[12];
        for (int i = 0; i < 12; i++) {
            w[i] = 0.5 + 0.1 * i;
            xs[i] = -1.0 + 0.17 * i;
        }
        Tensor x = Tensor.of(xs, 2, 3, 2);
        Tensor g = Numerical.numericalGradient(t -> {
            double s = 0;
            for (int i = 0; i < 12; i++) {
                s += w[i] * Math.pow(t.getFlat(i), 3);
            }
            return s;
        }, x);
        assertArrayEquals(new int[] {2, 3, 2}, g.shape());
        for (int i = 0; i < 12; i++) {
            assertEquals(3 * w[i] * xs[i] * xs[i], g.getFlat(i), 1e-7);
        }
    }

    @Test
    void numericalGradientOfFloat32DividesByTheStoredStep() {
        Tensor x = Tensor.of(new float[] {3f, 4f});
        Tensor g = Numerical.numericalGradient(NumericalTest::function2, x);
        assertEquals(DType.FLOAT32, g.dtype());
        assertArrayEquals(new double[] {6, 8}, g.toDoubleArray(), 1e-3);
    }

    @Test
    void elementIsRestoredWhenTheFunctionThrows() {
        Tensor x = Tensor.of(new double[] {1, 2});
        assertThrows(IllegalStateException.class, () -> Numerical.numericalGradient(t -> {
            throw new IllegalStateException("boom");
        }, x));
        assertArrayEquals(new double[] {1, 2}, x.toDoubleArray(), 0.0);
    }

    @Test
    void gradientDescentOfFunction2MatchesTheBook() {
        Tensor init = Tensor.of(new double[] {-3, 4});
        Tensor x = Numerical.gradientDescent(NumericalTest::function2, init, 0.1, 100);
        // The book prints [-6.11110793e-10, 8.14814391e-10]; in closed form -3 * 0.8^100 and 4 * 0.8^100.
        assertEquals(-6.11110793e-10, x.getFlat(0), 1e-15);
        assertEquals(8.14814391e-10, x.getFlat(1), 1e-15);
        assertEquals(-3 * Math.pow(0.8, 100), x.getFlat(0), 1e-15);
        assertArrayEquals(new double[] {-3, 4}, init.toDoubleArray(), 0.0, "init is not changed");
    }

    @Test
    void gradientDescentWithTooLargeOrSmallRatesBehavesAsTheBookSays() {
        Tensor init = Tensor.of(new double[] {-3, 4});
        // lr = 10 diverges (the book shows about -2.6e12); lr = 1e-10 barely moves.
        Tensor big = Numerical.gradientDescent(NumericalTest::function2, init, 10, 100);
        assertEquals(true, Math.abs(big.getFlat(0)) > 1e10);
        Tensor small = Numerical.gradientDescent(NumericalTest::function2, init, 1e-10, 100);
        assertEquals(-3, small.getFlat(0), 1e-6);
        assertThrows(IllegalArgumentException.class,
                () -> Numerical.gradientDescent(NumericalTest::function2, init, 0.1, -1));
    }
}
