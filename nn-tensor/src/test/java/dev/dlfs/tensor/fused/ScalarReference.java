package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.DoubleSum;
import dev.dlfs.tensor.simd.FloatMath;
import dev.dlfs.tensor.simd.FloatSum;
import java.util.SplittableRandom;

/**
 * Plain scalar arithmetic in one dtype, for references written one element at a time. Values are held as doubles;
 * {@link #round} after every single operation gives exactly the float32 result (rounding an exact float64 sum,
 * product, quotient or square root of floats to float is the same as rounding the exact value once).
 */
record ScalarReference(DType dtype) {
    /** Lengths that leave a tail at every vector width, and none at all. */
    static final int[] LENGTHS = {0, 1, 17, 100, 1000};

    double round(double x) {
        return dtype == DType.FLOAT32 ? (float) x : x;
    }

    double exp(double x) {
        return dtype == DType.FLOAT32 ? FloatMath.exp((float) x) : DoubleMath.exp(x);
    }

    double log1p(double x) {
        return dtype == DType.FLOAT32 ? FloatMath.log1p((float) x) : DoubleMath.log1p(x);
    }

    /** The sum in the fixed order that the kernels promise (checked on its own by the simd tests). */
    double sum(double[] terms) {
        if (dtype == DType.FLOAT64) {
            return DoubleSum.of(terms, 0, terms.length);
        }
        float[] f = new float[terms.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) terms[i];
        }
        return FloatSum.of(f, 0, f.length);
    }

    /** Uniform values in [lo, hi), rounded to the dtype. */
    double[] random(SplittableRandom rng, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = round(lo + (hi - lo) * rng.nextDouble());
        }
        return v;
    }

    /** A tensor holding {@code values} as a view at a non-zero offset, so that kernels must honour offsets. */
    Tensor view(double[] values) {
        int n = values.length;
        Tensor t = Tensor.full(dtype, 42, 3, n).row(1);
        for (int i = 0; i < n; i++) {
            t.setFlat(i, values[i]);
        }
        return t;
    }

    static void assertSameBits(double[] expected, Tensor actual, String what) {
        assertEquals(expected.length, actual.size(), what + ": size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual.getFlat(i)),
                    what + " element " + i + " of " + expected.length + ": expected " + expected[i] + ", found "
                            + actual.getFlat(i));
        }
    }
}
