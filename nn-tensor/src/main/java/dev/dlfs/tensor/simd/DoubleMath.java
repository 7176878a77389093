package dev.dlfs.tensor.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Deterministic float64 {@code exp}, {@code log}, {@code log1p}, {@code tanh} and {@code sigmoid}: the same bits in
 * the interpreter, C1 and C2, in every lane and in the scalar form (see the {@linkplain dev.dlfs.tensor.simd package
 * description}). Vector forms work on any species; array forms run a vector loop and finish with the scalar form.
 *
 * <p>Accuracy, subnormal results included (the tests measure it on wide ranges): exp, log and log1p within 1 ulp of
 * {@link StrictMath}, tanh within 3, sigmoid within 2 of its formula on StrictMath's exp. Special values follow
 * {@link Math}: NaN in, NaN out; {@code exp(-∞) = 0}, {@code log(0) = -∞}, {@code log(x < 0) = NaN},
 * {@code tanh(±∞) = ±1}, signed zeros kept.
 */
public final class DoubleMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // exp: x = k·ln2 + r, |r| <= ln2/2; ln2 in two parts so that k·LN2_HI is exact for every k used here.
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;
    // Adding 1.5·2^52 rounds to an integer and leaves it in the low bits of the sum.
    private static final double ROUNDER = 6755399441055744.0;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    // Beyond these, e^x is 0 or ∞ in float64; clamping keeps 2^k representable as two factors.
    private static final double EXP_LO = -746;
    private static final double EXP_HI = 710;
    // Taylor coefficients 1/j! of e^r, lowest first; degree 13 leaves < 1e-17 on |r| <= ln2/2.
    private static final double[] EXP = inverseFactorials(0, 13);
    // (e^r - 1 - r) / r², the same series from 1/2 on.
    private static final double[] EXPM1 = inverseFactorials(2, 13);

    // log: x = 2^e·m with m in [√2/2, √2); log(m) = 2·atanh(s), s = (m-1)/(m+1), |s| <= 0.172.
    private static final long SQRT_HALF_BITS = Double.doubleToRawLongBits(0.7071067811865476);
    private static final double SUBNORMAL_SCALE = 0x1p54;   // makes every subnormal normal
    // 2·atanh(s) = 2s + s·s²·(2/3 + 2/5·s² + 2/7·s⁴ + …); ten terms reach 1e-18.
    private static final double[] ATANH = {2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11, 2.0 / 13, 2.0 / 15,
        2.0 / 17, 2.0 / 19, 2.0 / 21};

    // tanh(x) = 1 for |x| >= 19.1 in float64; clamping keeps e^(-2|x|) normal.
    private static final double TANH_CLAMP = 22;
    private static final long SIGN = 0x8000000000000000L;

    private DoubleMath() {
    }

    /** e^x per lane. */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(EXP_LO).min(EXP_HI);
        DoubleVector rounded = xc.fma(x.broadcast(LOG2E), x.broadcast(ROUNDER));
        DoubleVector k = rounded.sub(ROUNDER);
        DoubleVector r = k.fma(x.broadcast(-LN2_HI), xc);
        r = k.fma(x.broadcast(-LN2_LO), r);
        DoubleVector p = polynomial(EXP, r);
        // 2^k as two factors 2^(k/2)·2^(k-k/2), each normal, so that subnormal and overflowing results round once.
        LongVector ki = rounded.reinterpretAsLongs().sub(ROUNDER_BITS);
        LongVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        return p.mul(powerOfTwo(k1)).mul(powerOfTwo(ki.sub(k1)));
    }

    /** e^x; the same bits as a lane of {@link #exp(DoubleVector)}. */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_LO), EXP_HI);
        double rounded = Math.fma(xc, LOG2E, ROUNDER);
        double k = rounded - ROUNDER;
        double r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        double p = polynomial(EXP, r);
        long ki = Double.doubleToRawLongBits(rounded) - ROUNDER_BITS;
        long k1 = ki >> 1;
        return p * powerOfTwo(k1) * powerOfTwo(ki - k1);
    }

    /** Natural logarithm per lane. */
    public static DoubleVector log(DoubleVector x) {
        return log(x, x.broadcast(0.0));
    }

    /** Natural logarithm; the same bits as a lane of {@link #log(DoubleVector)}. */
    public static double log(double x) {
        return log(x, 0.0);
    }

    /** log(1 + x) per lane, accurate for tiny x where {@code log(1 + x)} would lose every digit. */
    public static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(1.0);
        // What rounding 1 + x to u dropped, computed exactly (two-sum with the larger operand first).
        DoubleVector dropped = x.sub(u.sub(1.0)).blend(u.sub(x).neg().add(1.0), x.compare(VectorOperators.GT, 1.0));
        DoubleVector y = log(u, dropped.div(u));
        return y.blend(x, x.eq(0.0));
    }

    /** log(1 + x); the same bits as a lane of {@link #log1p(DoubleVector)}. */
    public static double log1p(double x) {
        double u = x + 1.0;
        double dropped = x > 1.0 ? -(u - x) + 1.0 : x - (u - 1.0);
        double y = log(u, dropped / u);
        return x == 0.0 ? x : y;
    }

    /**
     * tanh per lane: with w = e^(-2|x|) = 2^k·(1 + q) in (0, 1], tanh|x| = (1 - w) / (1 + w), where numerator and
     * denominator each come from q in one fused step (q = e^r - 1 keeps the digits of small x); the sign is copied
     * from x.
     */
    public static DoubleVector tanh(DoubleVector x) {
        DoubleVector a = x.abs().min(TANH_CLAMP);
        DoubleVector y = a.add(a).neg();
        DoubleVector rounded = y.fma(x.broadcast(LOG2E), x.broadcast(ROUNDER));
        DoubleVector k = rounded.sub(ROUNDER);
        DoubleVector r = k.fma(x.broadcast(-LN2_HI), y);
        r = k.fma(x.broadcast(-LN2_LO), r);
        DoubleVector q = r.mul(r).fma(polynomial(EXPM1, r), r);
        DoubleVector twoToK = powerOfTwo(rounded.reinterpretAsLongs().sub(ROUNDER_BITS));
        DoubleVector t = twoToK.neg().fma(q, twoToK.neg().add(1.0)).div(twoToK.fma(q, twoToK.add(1.0)));
        LongVector sign = x.reinterpretAsLongs().and(SIGN);
        return t.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
    }

    /** tanh; the same bits as a lane of {@link #tanh(DoubleVector)}. */
    public static double tanh(double x) {
        double a = Math.min(Math.abs(x), TANH_CLAMP);
        double y = -(a + a);
        double rounded = Math.fma(y, LOG2E, ROUNDER);
        double k = rounded - ROUNDER;
        double r = Math.fma(k, -LN2_HI, y);
        r = Math.fma(k, -LN2_LO, r);
        double q = Math.fma(r * r, polynomial(EXPM1, r), r);
        double twoToK = powerOfTwo(Double.doubleToRawLongBits(rounded) - ROUNDER_BITS);
        double t = Math.fma(-twoToK, q, -twoToK + 1.0) / Math.fma(twoToK, q, twoToK + 1.0);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) | (Double.doubleToRawLongBits(x) & SIGN));
    }

    /** 1 / (1 + e^-x) per lane, from z = e^-|x|: 1/(1+z) for x >= 0 and z/(1+z) below, so nothing overflows. */
    public static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector z = exp(x.abs().neg());
        return z.blend(1.0, x.compare(VectorOperators.GE, 0.0)).div(z.add(1.0));
    }

    /** 1 / (1 + e^-x); the same bits as a lane of {@link #sigmoid(DoubleVector)}. */
    public static double sigmoid(double x) {
        double z = exp(-Math.abs(x));
        return (x >= 0.0 ? 1.0 : z) / (z + 1.0);
    }

    /** {@code o[oo + i] = e^a[ao + i]} for {@code i < n}; {@code o} may be {@code a}. */
    public static void exp(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            exp(DoubleVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = exp(a[ao + i]);
        }
    }

    /** {@code o[oo + i] = log(a[ao + i])} for {@code i < n}; {@code o} may be {@code a}. */
    public static void log(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            log(DoubleVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = log(a[ao + i]);
        }
    }

    /** {@code o[oo + i] = tanh(a[ao + i])} for {@code i < n}; {@code o} may be {@code a}. */
    public static void tanh(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            tanh(DoubleVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = tanh(a[ao + i]);
        }
    }

    /** {@code o[oo + i] = sigmoid(a[ao + i])} for {@code i < n}; {@code o} may be {@code a}. */
    public static void sigmoid(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            sigmoid(DoubleVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = sigmoid(a[ao + i]);
        }
    }

    /** 2^k for integer lanes k in [-1022, 1023], from the exponent bits. */
    private static DoubleVector powerOfTwo(LongVector k) {
        return k.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    private static double powerOfTwo(long k) {
        return Double.longBitsToDouble((k + 1023) << 52);
    }

    /**
     * log(x) + c for a tiny correction c (what log1p's rounding of 1 + x dropped, divided by 1 + x), added where
     * it keeps its digits.
     */
    private static DoubleVector log(DoubleVector x, DoubleVector c) {
        VectorMask<Double> subnormal = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
        DoubleVector xs = x.mul(x.broadcast(1.0).blend(SUBNORMAL_SCALE, subnormal));
        LongVector bits = xs.reinterpretAsLongs();
        LongVector e = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
        DoubleVector f = bits.sub(e.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles().sub(1.0);
        DoubleVector k = e.add(ROUNDER_BITS).reinterpretAsDoubles().sub(ROUNDER)
                .sub(x.broadcast(0.0).blend(54.0, subnormal));
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector halfSquare = f.mul(f).mul(0.5);
        DoubleVector y = k.fma(x.broadcast(LN2_LO), c).add(s.mul(halfSquare.add(z.mul(polynomial(ATANH, z)))));
        y = k.fma(x.broadcast(LN2_HI), f.sub(halfSquare.sub(y)));
        y = y.blend(Double.POSITIVE_INFINITY, x.eq(Double.POSITIVE_INFINITY));
        y = y.blend(Double.NEGATIVE_INFINITY, x.eq(0.0));
        return y.blend(Double.NaN, x.compare(VectorOperators.GE, 0.0).not());
    }

    private static double log(double x, double c) {
        boolean subnormal = x < Double.MIN_NORMAL;
        double xs = x * (subnormal ? SUBNORMAL_SCALE : 1.0);
        long bits = Double.doubleToRawLongBits(xs);
        long e = (bits - SQRT_HALF_BITS) >> 52;
        double f = Double.longBitsToDouble(bits - (e << 52)) - 1.0;
        double k = Double.longBitsToDouble(e + ROUNDER_BITS) - ROUNDER - (subnormal ? 54.0 : 0.0);
        double s = f / (f + 2.0);
        double z = s * s;
        double halfSquare = f * f * 0.5;
        double y = Math.fma(k, LN2_LO, c) + s * (halfSquare + z * polynomial(ATANH, z));
        y = Math.fma(k, LN2_HI, f - (halfSquare - y));
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        return x == 0.0 ? Double.NEGATIVE_INFINITY : x >= 0.0 ? y : Double.NaN;
    }

    /** c[0] + c[1]·x + c[2]·x² + … by Horner's rule with fused steps. */
    private static DoubleVector polynomial(double[] c, DoubleVector x) {
        DoubleVector p = x.broadcast(c[c.length - 1]);
        for (int j = c.length - 2; j >= 0; j--) {
            p = p.fma(x, x.broadcast(c[j]));
        }
        return p;
    }

    private static double polynomial(double[] c, double x) {
        double p = c[c.length - 1];
        for (int j = c.length - 2; j >= 0; j--) {
            p = Math.fma(p, x, c[j]);
        }
        return p;
    }

    /** 1/j! for j from {@code from} to {@code to}. */
    private static double[] inverseFactorials(int from, int to) {
        double[] c = new double[to - from + 1];
        double factorial = 1;
        for (int j = 0; j <= to; j++) {
            factorial *= Math.max(j, 1);
            if (j >= from) {
                c[j - from] = 1 / factorial;
            }
        }
        return c;
    }
}
