package dev.dlfs.tensor.fused;

import static dev.dlfs.tensor.fused.ScalarReference.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each fused update gives bit for bit what the book's rule gives computed one element at a time in the parameter's
 * dtype, over three steps (so the state feeds back), with weight decay, on views at an offset.
 */
class OptimizerStepsTest {
    private static final int STEPS = 3;
    private static final double WD = 0.01;

    /** One parameter with its gradient and two state slots, as values for the reference and as tensors. */
    private static final class Case {
        final ScalarReference r;
        final double[] w;
        final double[] g;
        final double[] s1;
        final double[] s2;
        final Tensor tw;
        final Tensor tg;
        final Tensor ts1;
        final Tensor ts2;

        Case(DType dtype, int n) {
            r = new ScalarReference(dtype);
            SplittableRandom rng = new SplittableRandom(n);
            w = r.random(rng, n, -1, 1);
            g = r.random(rng, n, -2, 2);
            s1 = r.random(rng, n, 0, 0.5);     // m, v or h: h and v must not be negative
            s2 = r.random(rng, n, 0, 0.5);
            tw = r.view(w);
            tg = r.view(g);
            ts1 = r.view(s1);
            ts2 = r.view(s2);
        }

        /** The book's decayed gradient {@code g + wd·w} of element {@code i}. */
        double decayed(int i, double wd) {
            return r.round(g[i] + r.round(r.round(wd) * w[i]));
        }

        void assertMatches(String rule) {
            assertSameBits(w, tw, rule + " w");
            assertSameBits(g, tg, rule + " g (must not change)");
            assertSameBits(s1, ts1, rule + " first slot");
            assertSameBits(s2, ts2, rule + " second slot");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sgdIsTheScalarRule(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n);
            ScalarReference r = c.r;
            double lr = r.round(0.1);
            for (int step = 0; step < STEPS; step++) {
                OptimizerSteps.sgd(c.tw, c.tg, 0.1, WD);
                for (int i = 0; i < n; i++) {
                    c.w[i] = r.round(c.w[i] - r.round(lr * c.decayed(i, WD)));
                }
            }
            c.assertMatches("sgd, length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void momentumIsTheScalarRule(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n);
            ScalarReference r = c.r;
            double lr = r.round(0.1);
            double m = r.round(0.9);
            for (int step = 0; step < STEPS; step++) {
                OptimizerSteps.momentum(c.tw, c.tg, c.ts1, 0.1, 0.9, WD);
                for (int i = 0; i < n; i++) {
                    double gi = c.decayed(i, WD);
                    c.s1[i] = r.round(r.round(c.s1[i] * m) - r.round(gi * lr));
                    c.w[i] = r.round(c.w[i] + c.s1[i]);
                }
            }
            c.assertMatches("momentum, length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nesterovIsTheScalarRule(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n);
            ScalarReference r = c.r;
            double lr = r.round(0.1);
            double m = r.round(0.9);
            double mm = r.round(0.9 * 0.9);              // the coefficients in float64, rounded once
            double stepSize = r.round((1 + 0.9) * 0.1);
            for (int step = 0; step < STEPS; step++) {
                OptimizerSteps.nesterov(c.tw, c.tg, c.ts1, 0.1, 0.9, WD);
                for (int i = 0; i < n; i++) {
                    double gi = c.decayed(i, WD);
                    c.s1[i] = r.round(r.round(c.s1[i] * m) - r.round(gi * lr));
                    c.w[i] = r.round(r.round(c.w[i] + r.round(c.s1[i] * mm)) - r.round(gi * stepSize));
                }
            }
            c.assertMatches("nesterov, length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void adaGradIsTheScalarRule(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n);
            ScalarReference r = c.r;
            double lr = r.round(0.1);
            double eps = r.round(1e-7);
            for (int step = 0; step < STEPS; step++) {
                OptimizerSteps.adaGrad(c.tw, c.tg, c.ts1, 0.1, 1e-7, WD);
                for (int i = 0; i < n; i++) {
                    double gi = c.decayed(i, WD);
                    c.s1[i] = r.round(c.s1[i] + r.round(gi * gi));
                    double denominator = r.round(r.round(Math.sqrt(c.s1[i])) + eps);
                    c.w[i] = r.round(c.w[i] - r.round(r.round(lr * gi) / denominator));
                }
            }
            c.assertMatches("adagrad, length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void rmsPropIsTheScalarRule(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n);
            ScalarReference r = c.r;
            double lr = r.round(0.1);
            double rho = r.round(0.99);
            double keep = r.round(1 - 0.99);
            double eps = r.round(1e-7);
            for (int step = 0; step < STEPS; step++) {
                OptimizerSteps.rmsProp(c.tw, c.tg, c.ts1, 0.1, 0.99, 1e-7, WD);
                for (int i = 0; i < n; i++) {
                    double gi = c.decayed(i, WD);
                    c.s1[i] = r.round(r.round(c.s1[i] * rho) + r.round(r.round(keep * gi) * gi));
                    double denominator = r.round(r.round(Math.sqrt(c.s1[i])) + eps);
                    c.w[i] = r.round(c.w[i] - r.round(r.round(lr * gi) / denominator));
                }
            }
            c.assertMatches("rmsprop, length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void adamIsTheScalarRule(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n);
            ScalarReference r = c.r;
            double lrT = r.round(0.003);
            double keep1 = r.round(1 - 0.9);
            double keep2 = r.round(1 - 0.999);
            double eps = r.round(1e-7);
            for (int step = 0; step < STEPS; step++) {
                OptimizerSteps.adam(c.tw, c.tg, c.ts1, c.ts2, 0.003, 0.9, 0.999, 1e-7, WD);
                for (int i = 0; i < n; i++) {
                    double gi = c.decayed(i, WD);
                    c.s1[i] = r.round(c.s1[i] + r.round(r.round(gi - c.s1[i]) * keep1));
                    c.s2[i] = r.round(c.s2[i] + r.round(r.round(r.round(gi * gi) - c.s2[i]) * keep2));
                    double denominator = r.round(r.round(Math.sqrt(c.s2[i])) + eps);
                    c.w[i] = r.round(c.w[i] - r.round(r.round(lrT * c.s1[i]) / denominator));
                }
            }
            c.assertMatches("adam, length " + n);
        }
    }

    @Test
    void operandsOfAnotherDtypeOrShapeAreClearErrors() {
        Tensor w = Tensor.zeros(DType.FLOAT32, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerSteps.sgd(w, Tensor.zeros(DType.FLOAT64, 2, 3), 0.1, 0));
        assertEquals("sgd: gradient is float64(2, 3) but parameter is float32(2, 3); they must have the same dtype"
                + " and shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerSteps.momentum(w, Tensor.zerosLike(w), Tensor.zeros(3, 2), 0.1, 0.9, 0));
        assertEquals("momentum: v is float32(3, 2) but parameter is float32(2, 3); they must have the same dtype"
                + " and shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerSteps.adam(w, Tensor.zerosLike(w),
                Tensor.zerosLike(w), Tensor.zeros(6), 0.1, 0.9, 0.999, 1e-7, 0));
        assertEquals("adam: v is float32(6,) but parameter is float32(2, 3); they must have the same dtype and shape",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerSteps.rmsProp(w, Tensor.zerosLike(w),
                Tensor.zeros(DType.FLOAT64, 2, 3), 0.1, 0.99, 1e-7, 0));
        assertEquals("rmsprop: h is float64(2, 3) but parameter is float32(2, 3); they must have the same dtype and"
                + " shape", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> OptimizerSteps.nesterov(w, Tensor.zeros(2, 2), Tensor.zerosLike(w), 0.1, 0.9, 0));
        assertThrows(IllegalArgumentException.class,
                () -> OptimizerSteps.adaGrad(w, Tensor.zerosLike(w), Tensor.zeros(2, 3, 1), 0.1, 1e-7, 0));
    }
}
