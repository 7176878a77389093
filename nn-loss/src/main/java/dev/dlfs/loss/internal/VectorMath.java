package dev.dlfs.loss.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp} and {@code log1p} on vectors, built from adds, multiplies and bit operations only.
 *
 * <p>Why not {@code VectorOperators.EXP}: once the JIT compiles a loop it switches to another math library than the
 * interpreter used, and the two disagree in the last bit for a few percent of inputs. Training would then depend on
 * when the compiler kicked in. Here every operation is exactly specified by IEEE 754, so a value is the same
 * interpreted or compiled.
 *
 * <p>{@code exp} is within 2 ulp; it flushes results below the smallest normal number to 0 ({@code x < -708} in
 * float64, {@code x < -87} in float32) and returns +∞ above {@code 709} / {@code 88}; NaN stays NaN. {@code log1p}
 * is within 4 ulp for {@code z} in {@code [0, 1]}, which is all the losses need. The scalar forms give the same bits
 * as a vector lane, so loop tails agree with loop bodies and a value never depends on its position in an array.
 */
public final class VectorMath {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    // x = k·ln2 + r with |r| <= ln2/2; ln2 split in two so that k·LN2_HI is exact (Cody and Waite).
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;
    // Adding 1.5·2^52 rounds to an integer and leaves that integer in the low bits of the sum.
    private static final double ROUNDER = 6755399441055744.0;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    private static final double EXP_MIN = -708;
    private static final double EXP_MAX = 709;

    private static final float LOG2E_F = 1.44269504f;
    private static final float LN2_HI_F = 0.693359375f;
    private static final float LN2_LO_F = -2.12194440e-4f;
    private static final float ROUNDER_F = 12582912f;
    private static final int ROUNDER_BITS_F = Float.floatToRawIntBits(ROUNDER_F);
    private static final float EXP_MIN_F = -87;
    private static final float EXP_MAX_F = 88;

    // Taylor coefficients 1/k! of e^r: degree 13 leaves < 1e-17 on |r| <= ln2/2, degree 7 < 1e-8.
    private static final double[] EXP_TAYLOR = taylorOfExp(13);
    private static final float[] EXP_TAYLOR_F = toFloats(taylorOfExp(7));
    // log(1+z) = 2·atanh(s) = 2s·Σ s^2k/(2k+1) with s = z/(2+z) <= 1/3: 18 terms reach 1e-17, 9 terms 1e-8.
    private static final double[] ATANH_SERIES = atanhSeries(18);
    private static final float[] ATANH_SERIES_F = toFloats(atanhSeries(9));

    private VectorMath() {
    }

    /** e^x per lane. */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(EXP_MIN).min(EXP_MAX);
        DoubleVector rounded = xc.fma(DoubleVector.broadcast(DS, LOG2E), DoubleVector.broadcast(DS, ROUNDER));
        DoubleVector k = rounded.sub(ROUNDER);
        DoubleVector r = k.fma(DoubleVector.broadcast(DS, -LN2_HI), xc);
        r = k.fma(DoubleVector.broadcast(DS, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(DS, EXP_TAYLOR[EXP_TAYLOR.length - 1]);
        for (int i = EXP_TAYLOR.length - 2; i >= 0; i--) {
            p = p.fma(r, DoubleVector.broadcast(DS, EXP_TAYLOR[i]));
        }
        // 2^k built directly as the bits of a double: exponent field k + 1023.
        DoubleVector twoToK = rounded.reinterpretAsLongs().sub(ROUNDER_BITS - 1023)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector e = p.mul(twoToK);
        e = e.blend(0.0, x.lt(EXP_MIN));
        return e.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_MAX));
    }

    /** e^x per lane. */
    public static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_MIN_F).min(EXP_MAX_F);
        FloatVector rounded = xc.fma(FloatVector.broadcast(FS, LOG2E_F), FloatVector.broadcast(FS, ROUNDER_F));
        FloatVector k = rounded.sub(ROUNDER_F);
        FloatVector r = k.fma(FloatVector.broadcast(FS, -LN2_HI_F), xc);
        r = k.fma(FloatVector.broadcast(FS, -LN2_LO_F), r);
        FloatVector p = FloatVector.broadcast(FS, EXP_TAYLOR_F[EXP_TAYLOR_F.length - 1]);
        for (int i = EXP_TAYLOR_F.length - 2; i >= 0; i--) {
            p = p.fma(r, FloatVector.broadcast(FS, EXP_TAYLOR_F[i]));
        }
        FloatVector twoToK = rounded.reinterpretAsInts().sub(ROUNDER_BITS_F - 127)
                .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector e = p.mul(twoToK);
        e = e.blend(0f, x.lt(EXP_MIN_F));
        return e.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_MAX_F));
    }

    /** log(1 + z) per lane, for z in [0, 1]. */
    public static DoubleVector log1p(DoubleVector z) {
        DoubleVector s = z.div(z.add(2.0));
        DoubleVector w = s.mul(s);
        DoubleVector p = DoubleVector.broadcast(DS, ATANH_SERIES[ATANH_SERIES.length - 1]);
        for (int i = ATANH_SERIES.length - 2; i >= 0; i--) {
            p = p.fma(w, DoubleVector.broadcast(DS, ATANH_SERIES[i]));
        }
        return s.add(s).mul(p);
    }

    /** log(1 + z) per lane, for z in [0, 1]. */
    public static FloatVector log1p(FloatVector z) {
        FloatVector s = z.div(z.add(2f));
        FloatVector w = s.mul(s);
        FloatVector p = FloatVector.broadcast(FS, ATANH_SERIES_F[ATANH_SERIES_F.length - 1]);
        for (int i = ATANH_SERIES_F.length - 2; i >= 0; i--) {
            p = p.fma(w, FloatVector.broadcast(FS, ATANH_SERIES_F[i]));
        }
        return s.add(s).mul(p);
    }

    /** e^x, bit for bit what a lane of {@link #exp(DoubleVector)} gives (for the tails of vector loops). */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        double rounded = Math.fma(xc, LOG2E, ROUNDER);
        double k = rounded - ROUNDER;
        double r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        double p = EXP_TAYLOR[EXP_TAYLOR.length - 1];
        for (int i = EXP_TAYLOR.length - 2; i >= 0; i--) {
            p = Math.fma(p, r, EXP_TAYLOR[i]);
        }
        double twoToK = Double.longBitsToDouble((Double.doubleToRawLongBits(rounded) - (ROUNDER_BITS - 1023)) << 52);
        return x < EXP_MIN ? 0.0 : x > EXP_MAX ? Double.POSITIVE_INFINITY : p * twoToK;
    }

    /** e^x, bit for bit what a lane of {@link #exp(FloatVector)} gives. */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_MIN_F), EXP_MAX_F);
        float rounded = Math.fma(xc, LOG2E_F, ROUNDER_F);
        float k = rounded - ROUNDER_F;
        float r = Math.fma(k, -LN2_HI_F, xc);
        r = Math.fma(k, -LN2_LO_F, r);
        float p = EXP_TAYLOR_F[EXP_TAYLOR_F.length - 1];
        for (int i = EXP_TAYLOR_F.length - 2; i >= 0; i--) {
            p = Math.fma(p, r, EXP_TAYLOR_F[i]);
        }
        float twoToK = Float.intBitsToFloat((Float.floatToRawIntBits(rounded) - (ROUNDER_BITS_F - 127)) << 23);
        return x < EXP_MIN_F ? 0f : x > EXP_MAX_F ? Float.POSITIVE_INFINITY : p * twoToK;
    }

    /** log(1 + z) for z in [0, 1], bit for bit what a lane of {@link #log1p(DoubleVector)} gives. */
    public static double log1p(double z) {
        double s = z / (z + 2.0);
        double w = s * s;
        double p = ATANH_SERIES[ATANH_SERIES.length - 1];
        for (int i = ATANH_SERIES.length - 2; i >= 0; i--) {
            p = Math.fma(p, w, ATANH_SERIES[i]);
        }
        return (s + s) * p;
    }

    /** log(1 + z) for z in [0, 1], bit for bit what a lane of {@link #log1p(FloatVector)} gives. */
    public static float log1p(float z) {
        float s = z / (z + 2f);
        float w = s * s;
        float p = ATANH_SERIES_F[ATANH_SERIES_F.length - 1];
        for (int i = ATANH_SERIES_F.length - 2; i >= 0; i--) {
            p = Math.fma(p, w, ATANH_SERIES_F[i]);
        }
        return (s + s) * p;
    }

    /** {@code a[off, off+n) = e^a} in place. */
    public static void expInPlace(double[] a, int off, int n) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            exp(DoubleVector.fromArray(DS, a, off + i)).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            a[off + i] = exp(a[off + i]);
        }
    }

    /** {@code a[off, off+n) = e^a} in place. */
    public static void expInPlace(float[] a, int off, int n) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            exp(FloatVector.fromArray(FS, a, off + i)).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            a[off + i] = exp(a[off + i]);
        }
    }

    /** The lanes added first to last: {@code reduceLanes(ADD)} may pick another order when compiled. */
    static double sumLanes(DoubleVector v) {
        double s = 0;
        for (int i = 0; i < DS.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }

    /** The lanes added first to last, in double. */
    static double sumLanes(FloatVector v) {
        double s = 0;
        for (int i = 0; i < FS.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }

    private static double[] taylorOfExp(int degree) {
        double[] c = new double[degree + 1];
        c[0] = 1;
        for (int k = 1; k <= degree; k++) {
            c[k] = c[k - 1] / k;
        }
        return c;
    }

    private static double[] atanhSeries(int terms) {
        double[] c = new double[terms];
        for (int k = 0; k < terms; k++) {
            c[k] = 1.0 / (2 * k + 1);
        }
        return c;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
