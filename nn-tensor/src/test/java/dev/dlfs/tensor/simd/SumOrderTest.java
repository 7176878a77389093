package dev.dlfs.tensor.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatSum} and {@link DoubleSum} give bit for bit the sum in their documented order, computed here one
 * element at a time without vectors: on lengths around the block size and the four-block stride, at offsets, and
 * once compiled. Run with {@code -XX:MaxVectorSize=16} or {@code 32} this checks the narrower widths too.
 */
class SumOrderTest {
    private static final int[] LENGTHS = {0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 79, 80,
        81, 100, 127, 128, 129, 1000, 4099};
    private static final int[] OFFSETS = {0, 1, 3, 16};

    /**
     * The documented float32 order: 4 × 16 float32 partials over whole blocks, combined per lane, then as a halving
     * tree, then the rest added in float64.
     */
    static double floatReference(float[] a, int from, int n) {
        int lanes = 16;
        int blocks = n / lanes;
        float[][] p = new float[4][lanes];
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < lanes; j++) {
                p[b % 4][j] += a[from + b * lanes + j];
            }
        }
        float[] q = new float[lanes];
        for (int j = 0; j < lanes; j++) {
            q[j] = (p[0][j] + p[1][j]) + (p[2][j] + p[3][j]);
        }
        for (int half = lanes / 2; half >= 1; half /= 2) {
            for (int j = 0; j < half; j++) {
                q[j] += q[j + half];
            }
        }
        double s = q[0];
        for (int i = blocks * lanes; i < n; i++) {
            s += a[from + i];
        }
        return s;
    }

    /** The documented float64 order: 4 × 8 partials over whole blocks, per lane, a halving tree, then the rest. */
    static double doubleReference(double[] a, int from, int n) {
        int lanes = 8;
        int blocks = n / lanes;
        double[][] p = new double[4][lanes];
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < lanes; j++) {
                p[b % 4][j] += a[from + b * lanes + j];
            }
        }
        double[] q = new double[lanes];
        for (int j = 0; j < lanes; j++) {
            q[j] = (p[0][j] + p[1][j]) + (p[2][j] + p[3][j]);
        }
        for (int half = lanes / 2; half >= 1; half /= 2) {
            for (int j = 0; j < half; j++) {
                q[j] += q[j + half];
            }
        }
        double s = q[0];
        for (int i = blocks * lanes; i < n; i++) {
            s += a[from + i];
        }
        return s;
    }

    /** Values over many binades, so that summing in any other order changes the last bits. */
    static double[] wideValues(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(-20, 20));
        }
        return v;
    }

    static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Many calls on every length, so that C2 compiles the sums with all their branches before the checks. */
    @BeforeAll
    static void compile() {
        float[] f = floats(wideValues(1, 5000));
        double[] d = wideValues(2, 5000);
        double sink = 0;
        for (int k = 0; k < 20_000; k++) {
            int n = LENGTHS[k % LENGTHS.length];
            sink += FloatSum.of(f, k % 7, n) + DoubleSum.of(d, k % 5, n);
        }
        assertEquals(sink, sink, "keeps the warm-up from being optimised away");
    }

    @Test
    void float32SumsFollowTheDocumentedOrderBitForBit() {
        for (int n : LENGTHS) {
            for (int from : OFFSETS) {
                float[] a = floats(wideValues(n * 31L + from, from + n + 5));
                double want = floatReference(a, from, n);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(FloatSum.of(a, from, n)),
                        "length " + n + " from " + from + ": want " + want + ", got " + FloatSum.of(a, from, n));
            }
        }
    }

    @Test
    void float64SumsFollowTheDocumentedOrderBitForBit() {
        for (int n : LENGTHS) {
            for (int from : OFFSETS) {
                double[] a = wideValues(n * 37L + from, from + n + 5);
                double want = doubleReference(a, from, n);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(DoubleSum.of(a, from, n)),
                        "length " + n + " from " + from + ": want " + want + ", got " + DoubleSum.of(a, from, n));
            }
        }
    }

    @Test
    void theDataTellsOrdersApart() {
        float[] f = floats(wideValues(3, 1000));
        double[] d = wideValues(4, 1000);
        double plainF = 0;
        double plainD = 0;
        for (int i = 0; i < 1000; i++) {
            plainF += f[i];
            plainD += d[i];
        }
        assertNotEquals(plainF, FloatSum.of(f, 0, 1000), "a left-to-right float64 sum differs");
        assertNotEquals(plainD, DoubleSum.of(d, 0, 1000), "a left-to-right float64 sum differs");
    }

    @Test
    void specialValuesFollowTheReference() {
        for (int n : new int[] {5, 16, 100}) {
            float[] zeros = new float[n];
            Arrays.fill(zeros, -0f);
            assertEquals(Double.doubleToRawLongBits(floatReference(zeros, 0, n)),
                    Double.doubleToRawLongBits(FloatSum.of(zeros, 0, n)), "negative zeros, length " + n);
            float[] big = new float[n];
            Arrays.fill(big, Float.MAX_VALUE);
            assertEquals(floatReference(big, 0, n), FloatSum.of(big, 0, n), "float32 overflow, length " + n);
            double[] mixed = wideValues(n, n);
            mixed[n / 2] = Double.POSITIVE_INFINITY;
            assertEquals(Double.POSITIVE_INFINITY, DoubleSum.of(mixed, 0, n));
            mixed[n / 3] = Double.NaN;
            assertEquals(Double.NaN, DoubleSum.of(mixed, 0, n));
        }
    }
}
