package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.FloatMath;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each activation kernel gives the bits of a plain scalar loop in the tensor's own precision, for lengths on both
 * sides of every vector width (so that vector bodies and scalar tails both run), read from views at an offset.
 */
class ActivationKernelsTest {
    private static final int[] LENGTHS = {1, 3, 7, 13, 31, 37, 100};
    /** Long enough to be cut into parts for several threads, and not a whole number of blocks. */
    private static final int[] LONG = {100_003};

    interface Kernel {
        Tensor apply(Tensor saved, Tensor dout, Tensor dx);
    }

    interface FloatRule {
        float apply(float saved, float dout);
    }

    interface DoubleRule {
        double apply(double saved, double dout);
    }

    /** n values of {@code dtype} from {@code rng}, as a view that starts one element into its array. */
    private static Tensor view(SplittableRandom rng, DType dtype, int n) {
        Tensor t = Tensor.rand(rng, dtype, -4, 4, n + 1).rows(1, n + 1);
        t.setFlat(0, 0);   // relu's boundary: no gradient at exactly 0
        return t;
    }

    private static void assertSameBits(double want, double got, DType dtype, String what) {
        if (dtype == DType.FLOAT32) {
            assertEquals(Float.floatToIntBits((float) want), Float.floatToIntBits((float) got), what);
        } else {
            assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), what);
        }
    }

    private static void matchesScalarLoop(String name, Kernel kernel, FloatRule f32, DoubleRule f64) {
        matchesScalarLoop(name, kernel, f32, f64, LENGTHS);
    }

    private static void matchesScalarLoop(String name, Kernel kernel, FloatRule f32, DoubleRule f64, int[] lengths) {
        for (DType dtype : DType.values()) {
            for (int n : lengths) {
                SplittableRandom rng = new SplittableRandom(n);
                Tensor saved = view(rng, dtype, n);
                Tensor dout = view(rng, dtype, n);
                Tensor dx = kernel.apply(saved, dout, Tensor.zeros(dtype, n));
                for (int i = 0; i < n; i++) {
                    double s = saved.getFlat(i);
                    double g = dout.getFlat(i);
                    double want = dtype == DType.FLOAT32 ? f32.apply((float) s, (float) g) : f64.apply(s, g);
                    assertSameBits(want, dx.getFlat(i), dtype, name + " " + dtype + " n=" + n + " at " + i);
                }
                Tensor copy = dout.copy();
                assertSame(dout, kernel.apply(saved, dout, dout), "in place into dout");
                assertTrue(kernel.apply(saved, copy, Tensor.zerosLike(copy)).equals(dout), name + " in place");
            }
        }
    }

    @Test
    void backwardPassesMatchTheirScalarLoops() {
        matchesScalarLoop("relu", ActivationKernels::reluBackward,
                (y, g) -> y > 0f ? g : 0f, (y, g) -> y > 0.0 ? g : 0.0);
        matchesScalarLoop("sigmoid", ActivationKernels::sigmoidBackward,
                (y, g) -> g * y * (1f - y), (y, g) -> g * y * (1.0 - y));
        matchesScalarLoop("tanh", ActivationKernels::tanhBackward,
                (y, g) -> g * (1f - y * y), (y, g) -> g * (1.0 - y * y));
        matchesScalarLoop("softplus", ActivationKernels::softplusBackward,
                (x, g) -> g * FloatMath.sigmoid(x), (x, g) -> g * DoubleMath.sigmoid(x));
    }

    @Test
    void reluMatchesMathMaxWithItsNaNAndSignedZeroRules() {
        matchesScalarLoop("relu", (x, unused, out) -> ActivationKernels.relu(x, out),
                (x, unused) -> Math.max(x, 0f), (x, unused) -> Math.max(x, 0.0));
        Tensor x = Tensor.of(new float[] {Float.NaN, -0f, 0f, -1f, 2f}, 5);
        Tensor y = ActivationKernels.relu(x, Tensor.zerosLike(x));
        assertTrue(Float.isNaN((float) y.getFlat(0)), "NaN stays NaN");
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits((float) y.getFlat(1)), "max(-0, 0) is +0");
        assertEquals(0.0, y.getFlat(3));
        assertEquals(2.0, y.getFlat(4));
    }

    @Test
    void longRunsCutForSeveralThreadsKeepTheScalarLoopsBits() {
        int before = Parallelism.threads();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Parallelism.setThreads(threads);
                matchesScalarLoop("relu " + threads + " threads", (x, unused, out) -> ActivationKernels.relu(x, out),
                        (x, unused) -> Math.max(x, 0f), (x, unused) -> Math.max(x, 0.0), LONG);
                matchesScalarLoop("relu backward " + threads + " threads", ActivationKernels::reluBackward,
                        (y, g) -> y > 0f ? g : 0f, (y, g) -> y > 0.0 ? g : 0.0, LONG);
                matchesScalarLoop("softplus backward " + threads + " threads", ActivationKernels::softplusBackward,
                        (x, g) -> g * FloatMath.sigmoid(x), (x, g) -> g * DoubleMath.sigmoid(x), LONG);
            }
        } finally {
            Parallelism.setThreads(before);
        }
    }

    @Test
    void softplusMatchesItsScalarLoopAndTheFormula() {
        matchesScalarLoop("softplus", (x, unused, out) -> ActivationKernels.softplus(x, out),
                (x, unused) -> Math.max(x, 0f) + FloatMath.log1p(FloatMath.exp(-Math.abs(x))),
                (x, unused) -> Math.max(x, 0.0) + DoubleMath.log1p(DoubleMath.exp(-Math.abs(x))));
        Tensor x = Tensor.of(new double[] {-800, -3, 0, 2.5, 40, 800});
        Tensor y = ActivationKernels.softplus(x, Tensor.zerosLike(x));
        for (int i = 0; i < x.size(); i++) {
            double v = x.getFlat(i);
            double want = v > 30 ? v : Math.log1p(Math.exp(v));
            assertEquals(want, y.getFlat(i), 1e-14 * Math.max(1, want));
        }
    }

    @Test
    void softmaxBackwardMatchesItsScalarLoopRowByRow() {
        for (DType dtype : DType.values()) {
            for (int cols : LENGTHS) {
                SplittableRandom rng = new SplittableRandom(cols);
                Tensor y = Tensor.rand(rng, dtype, 0, 1, 4, cols).rows(1, 4);
                Tensor dout = Tensor.randn(rng, dtype, 3, cols);
                Tensor dx = ActivationKernels.softmaxBackward(y, dout, Tensor.zeros(dtype, 3, cols));
                for (int r = 0; r < 3; r++) {
                    double dot = 0;
                    for (int j = 0; j < cols; j++) {
                        dot += y.get(r, j) * dout.get(r, j);
                    }
                    for (int j = 0; j < cols; j++) {
                        double want = dtype == DType.FLOAT32
                                ? ((float) dout.get(r, j) - (float) dot) * (float) y.get(r, j)
                                : (dout.get(r, j) - dot) * y.get(r, j);
                        assertSameBits(want, dx.get(r, j), dtype, dtype + " cols=" + cols + " at " + r + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void operandsOfAnotherDtypeOrShapeAreNamed() {
        Tensor y = Tensor.zeros(DType.FLOAT32, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationKernels.reluBackward(y, Tensor.zeros(DType.FLOAT64, 2, 3), Tensor.zerosLike(y)));
        assertTrue(e.getMessage().startsWith("relu backward: float32(2, 3) and float64(2, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ActivationKernels.sigmoidBackward(y, Tensor.zerosLike(y), Tensor.zeros(DType.FLOAT32, 3, 2)));
        assertTrue(e.getMessage().contains("float32(3, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ActivationKernels.tanhBackward(y, Tensor.zeros(DType.FLOAT32, 6), Tensor.zerosLike(y)));
        assertTrue(e.getMessage().startsWith("tanh backward"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ActivationKernels.softplus(y, Tensor.zeros(DType.FLOAT64, 2, 3)));
        assertTrue(e.getMessage().startsWith("softplus"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ActivationKernels.softmaxBackward(y, Tensor.zerosLike(y), Tensor.zeros(DType.FLOAT32, 2, 4)));
        assertTrue(e.getMessage().startsWith("softmax backward"), e.getMessage());
    }
}
