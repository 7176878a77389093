package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;

/**
 * Naive float64 references for the tensor ops, written independently of the code under test: one element at a
 * time, multi-indices unravelled by division, broadcasting by the textbook rule.
 */
final class Reference {
    /** Lengths around the vector widths (8 and 16 lanes on AVX-512, fewer elsewhere), to hit every tail. */
    static final int[] TAIL_SIZES = {1, 3, 15, 16, 17, 31, 33, 100, 257};

    private Reference() {
    }

    /** Shapes of rank 1 to 4 whose last axis takes each of {@link #TAIL_SIZES}. */
    static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int n : TAIL_SIZES) {
            shapes.add(new int[] {n});
            shapes.add(new int[] {3, n});
            shapes.add(new int[] {2, 3, n});
            shapes.add(new int[] {2, 1, 2, n});
        }
        return shapes;
    }

    /** Uniform values in [lo, hi), already rounded to the dtype so that the reference sees exactly the inputs. */
    static Tensor random(Random rng, DType dtype, double lo, double hi, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return fromValues(dtype, v, shape);
    }

    /** Small integers, so that comparisons meet ties and argmax meets equal maxima. */
    static Tensor randomIntegers(Random rng, DType dtype, int bound, int... shape) {
        Tensor t = random(rng, dtype, 0, 1, shape);
        double[] v = new double[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(bound) - bound / 2;
        }
        return fromValues(dtype, v, shape);
    }

    static Tensor fromValues(DType dtype, double[] v, int... shape) {
        if (dtype == DType.FLOAT64) {
            return Tensor.of(v, shape);
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Tensor.of(f, shape);
    }

    static int size(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** NumPy's broadcast rule, or null if the shapes are incompatible. */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                return null;
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    /** Flat index into an operand of shape {@code s} for flat index {@code flat} of a result of shape {@code out}. */
    static int sourceIndex(int flat, int[] out, int[] s) {
        int[] idx = new int[out.length];
        for (int ax = out.length - 1; ax >= 0; ax--) {
            idx[ax] = flat % out[ax];
            flat /= out[ax];
        }
        int src = 0;
        for (int k = 0; k < s.length; k++) {
            int ax = k + out.length - s.length;
            src = src * s[k] + (s[k] == 1 ? 0 : idx[ax]);
        }
        return src;
    }

    /** {@code f(a, b)} element by element with broadcasting, in float64. */
    static double[] binary(Tensor a, Tensor b, DoubleBinaryOperator f) {
        int[] out = broadcast(a.shape(), b.shape());
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double[] r = new double[size(out)];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(x[sourceIndex(i, out, a.shape())], y[sourceIndex(i, out, b.shape())]);
        }
        return r;
    }

    /** Relative tolerance of a few ulps for results rounded to {@code dtype} (transcendental kernels included). */
    static double rtol(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-6 : 1e-13;
    }

    /** Asserts the shape, and every element close to {@code expected} (NaN matching NaN, infinities exactly). */
    static void assertClose(double[] expected, int[] shape, Tensor actual, String what) {
        assertClose(expected, shape, actual, rtol(actual.dtype()), rtol(actual.dtype()) * 0.1, what);
    }

    static void assertClose(double[] expected, int[] shape, Tensor actual, double rtol, double atol, String what) {
        assertArrayEquals(shape, actual.shape(), what + ": shape");
        double[] got = actual.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            double e = actual.dtype() == DType.FLOAT32 ? (float) expected[i] : expected[i];
            double g = got[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(g)
                    : Double.isInfinite(e) ? e == g
                    : Math.abs(g - e) <= atol + rtol * Math.abs(e);
            if (!ok) {
                fail(what + ": element " + i + " is " + g + ", expected " + e);
            }
        }
    }
}
