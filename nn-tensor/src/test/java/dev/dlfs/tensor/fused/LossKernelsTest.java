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
 * Each fused loss writes bit for bit the terms and gradients of its formula computed one element at a time in the
 * prediction's dtype, and returns the fixed-order sum of those terms, on views at an offset.
 */
class LossKernelsTest {
    private static final int BATCH = 7;

    /** A prediction and a target, with their tensors and the workspaces the kernel writes. */
    private static final class Case {
        final ScalarReference r;
        final double[] y;
        final double[] t;
        final double[] terms;
        final double[] grad;
        final Tensor ty;
        final Tensor tt;
        final Tensor tgrad;
        final Tensor tterms;
        final double scale;

        Case(DType dtype, int n, boolean probabilities) {
            r = new ScalarReference(dtype);
            SplittableRandom rng = new SplittableRandom(n + 1000);
            y = r.random(rng, n, -4, 4);
            t = probabilities ? r.random(rng, n, 0, 1) : r.random(rng, n, -4, 4);
            if (n > 3) {
                t[3] = y[3];       // d = 0: the absolute error's gradient is 0 there
            }
            terms = new double[n];
            grad = new double[n];
            ty = r.view(y);
            tt = r.view(t);
            tgrad = r.view(new double[n]);
            tterms = r.view(new double[n]);
            scale = r.round(1.0 / BATCH);
        }

        double difference(int i) {
            return r.round(y[i] - t[i]);
        }

        void assertMatches(double sum, String what) {
            assertEquals(Double.doubleToRawLongBits(r.sum(terms)), Double.doubleToRawLongBits(sum), what + " sum");
            assertSameBits(terms, tterms, what + " terms");
            assertSameBits(grad, tgrad, what + " gradient");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void squaredErrorIsTheScalarFormula(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n, false);
            for (int i = 0; i < n; i++) {
                double d = c.difference(i);
                c.terms[i] = c.r.round(c.r.round(d * d) * 0.5);
                c.grad[i] = c.r.round(d * c.scale);
            }
            c.assertMatches(LossKernels.squaredError(c.ty, c.tt, BATCH, c.tgrad, c.tterms), "length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void absoluteErrorIsTheScalarFormula(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n, false);
            for (int i = 0; i < n; i++) {
                double d = c.difference(i);
                c.terms[i] = Math.abs(d);
                c.grad[i] = d > 0 ? c.scale : d < 0 ? -c.scale : 0;
            }
            c.assertMatches(LossKernels.absoluteError(c.ty, c.tt, BATCH, c.tgrad, c.tterms), "length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void huberIsTheScalarFormula(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n, false);
            double delta = 1.3;
            double dl = c.r.round(delta);
            double offset = c.r.round(0.5 * delta * delta);
            for (int i = 0; i < n; i++) {
                double d = c.difference(i);
                double a = Math.abs(d);
                c.terms[i] = a <= dl ? c.r.round(c.r.round(d * d) * 0.5) : c.r.round(c.r.round(a * dl) - offset);
                c.grad[i] = c.r.round(Math.min(Math.max(d, -dl), dl) * c.scale);
            }
            c.assertMatches(LossKernels.huber(c.ty, c.tt, delta, BATCH, c.tgrad, c.tterms), "length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sigmoidCrossEntropyIsTheScalarFormula(DType dtype) {
        for (int n : ScalarReference.LENGTHS) {
            Case c = new Case(dtype, n, true);
            ScalarReference r = c.r;
            for (int i = 0; i < n; i++) {
                double x = c.y[i];
                double z = r.exp(-Math.abs(x));
                c.terms[i] = r.round(r.round(Math.max(x, 0) - r.round(x * c.t[i])) + r.log1p(z));
                double sigmoid = r.round((x >= 0 ? 1 : z) / r.round(z + 1));
                c.grad[i] = r.round(r.round(sigmoid - c.t[i]) * c.scale);
            }
            c.assertMatches(LossKernels.sigmoidCrossEntropy(c.ty, c.tt, BATCH, c.tgrad, c.tterms), "length " + n);
        }
    }

    @Test
    void operandsOfAnotherDtypeOrShapeAndEmptyBatchesAreClearErrors() {
        Tensor y = Tensor.zeros(DType.FLOAT64, 4, 3);
        Tensor like = Tensor.zerosLike(y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossKernels.squaredError(y, Tensor.zeros(4, 3), 4, like, like));
        assertEquals("squared error: target is float32(4, 3) but prediction is float64(4, 3); they must have the same"
                + " dtype and shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossKernels.huber(y, like, 1.0, 4, Tensor.zeros(DType.FLOAT64, 3, 4), like));
        assertEquals("huber: grad is float64(3, 4) but prediction is float64(4, 3); they must have the same dtype and"
                + " shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossKernels.absoluteError(y, like, 4, like, Tensor.zeros(DType.FLOAT64, 12)));
        assertEquals("absolute error: terms is float64(12,) but prediction is float64(4, 3); they must have the same"
                + " dtype and shape", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossKernels.sigmoidCrossEntropy(y, like, 0, like, Tensor.zerosLike(y)));
        assertEquals("sigmoid cross-entropy: batch size must be at least 1, found 0", e.getMessage());
    }
}
