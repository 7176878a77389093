package dev.dlfs.tensor.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Deterministic float32 {@code exp}, {@code log}, {@code log1p}, {@code tanh} and {@code sigmoid}: the same bits in
 * the interpreter, C1 and C2, in every lane and in the scalar form (see the {@linkplain dev.dlfs.tensor.simd package
 * description}). Vector forms work on any species; array forms run a vector loop and finish with the scalar form.
 *
 * <p>Accuracy against the exact result, subnormal results included (the tests measure it on wide ranges): exp, log
 * and log1p within 1 ulp, tanh within 2, sigmoid within 2.5. Special values follow {@link Math}: NaN in, NaN out;
 * {@code exp(-∞) = 0}, {@code log(0) = -∞}, {@code log(x < 0) = NaN}, {@code tanh(±∞) = ±1}, signed zeros kept.
 */
public final class FloatMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    // exp: x = k·ln2 + r, |r| <= ln2/2; ln2 in two parts so that k·LN2_HI is exact for every k used here.
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    // Adding 1.5·2^23 rounds to an integer and leaves it in the low bits of the sum.
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    // Beyond these, e^x is 0 or ∞ in float32; clamping keeps 2^k representable as two factors.
    private static final float EXP_LO = -104f;
    private static final float EXP_HI = 89f;
    // Taylor coefficients 1/j! of e^r, lowest first; degree 7 leaves < 1e-8 on |r| <= ln2/2.
    private static final float[] EXP = {1f, 1f, 1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040};
    // (e^r - 1 - r) / r², the same series from 1/2 on.
    private static final float[] EXPM1 = {1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040};

    // log: x = 2^e·m with m in [√2/2, √2); log(m) = 2·atanh(s), s = (m-1)/(m+1), |s| <= 0.172.
    private static final int SQRT_HALF_BITS = Float.floatToRawIntBits(0.70710678f);
    private static final float SUBNORMAL_SCALE = 16777216f;   // 2^24 makes every subnormal normal
    // 2·atanh(s) = 2s + s·s²·(2/3 + 2/5·s² + 2/7·s⁴ + …); five terms reach 1e-10.
    private static final float[] ATANH = {2f / 3, 2f / 5, 2f / 7, 2f / 9, 2f / 11};

    // tanh(x) = 1 for |x| >= 9.1 in float32; clamping keeps e^(-2|x|) normal.
    private static final float TANH_CLAMP = 10f;
    private static final int SIGN = 0x80000000;

    private FloatMath() {
    }

    /** e^x per lane. */
    public static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_LO).min(EXP_HI);
        FloatVector rounded = xc.fma(x.broadcast(LOG2E), x.broadcast(ROUNDER));
        FloatVector k = rounded.sub(ROUNDER);
        FloatVector r = k.fma(x.broadcast(-LN2_HI), xc);
        r = k.fma(x.broadcast(-LN2_LO), r);
        FloatVector p = polynomial(EXP, r);
        // 2^k as two factors 2^(k/2)·2^(k-k/2), each normal, so that subnormal and overflowing results round once.
        IntVector ki = rounded.reinterpretAsInts().sub(ROUNDER_BITS);
        IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        return p.mul(powerOfTwo(k1)).mul(powerOfTwo(ki.sub(k1)));
    }

    /** e^x; the same bits as a lane of {@link #exp(FloatVector)}. */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_LO), EXP_HI);
        float rounded = Math.fma(xc, LOG2E, ROUNDER);
        float k = rounded - ROUNDER;
        float r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        float p = polynomial(EXP, r);
        int ki = Float.floatToRawIntBits(rounded) - ROUNDER_BITS;
        int k1 = ki >> 1;
        return p * powerOfTwo(k1) * powerOfTwo(ki - k1);
    }

    /** Natural logarithm per lane. */
    public static FloatVector log(FloatVector x) {
        return log(x, x.broadcast(0f));
    }

    /** Natural logarithm; the same bits as a lane of {@link #log(FloatVector)}. */
    public static float log(float x) {
        return log(x, 0f);
    }

    /** log(1 + x) per lane, accurate for tiny x where {@code log(1 + x)} would lose every digit. */
    public static FloatVector log1p(FloatVector x) {
        FloatVector u = x.add(1f);
        // What rounding 1 + x to u dropped, computed exactly (two-sum with the larger operand first).
        FloatVector dropped = x.sub(u.sub(1f)).blend(u.sub(x).neg().add(1f), x.compare(VectorOperators.GT, 1f));
        FloatVector y = log(u, dropped.div(u));
        return y.blend(x, x.eq(0f));
    }

    /** log(1 + x); the same bits as a lane of {@link #log1p(FloatVector)}. */
    public static float log1p(float x) {
        float u = x + 1f;
        float dropped = x > 1f ? -(u - x) + 1f : x - (u - 1f);
        float y = log(u, dropped / u);
        return x == 0f ? x : y;
    }

    /**
     * tanh per lane: with w = e^(-2|x|) = 2^k·(1 + q) in (0, 1], tanh|x| = (1 - w) / (1 + w), where numerator and
     * denominator each come from q in one fused step (q = e^r - 1 keeps the digits of small x); the sign is copied
     * from x.
     */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs().min(TANH_CLAMP);
        FloatVector y = a.add(a).neg();
        FloatVector rounded = y.fma(x.broadcast(LOG2E), x.broadcast(ROUNDER));
        FloatVector k = rounded.sub(ROUNDER);
        FloatVector r = k.fma(x.broadcast(-LN2_HI), y);
        r = k.fma(x.broadcast(-LN2_LO), r);
        FloatVector q = r.mul(r).fma(polynomial(EXPM1, r), r);
        FloatVector twoToK = powerOfTwo(rounded.reinterpretAsInts().sub(ROUNDER_BITS));
        FloatVector t = twoToK.neg().fma(q, twoToK.neg().add(1f)).div(twoToK.fma(q, twoToK.add(1f)));
        IntVector sign = x.reinterpretAsInts().and(SIGN);
        return t.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    /** tanh; the same bits as a lane of {@link #tanh(FloatVector)}. */
    public static float tanh(float x) {
        float a = Math.min(Math.abs(x), TANH_CLAMP);
        float y = -(a + a);
        float rounded = Math.fma(y, LOG2E, ROUNDER);
        float k = rounded - ROUNDER;
        float r = Math.fma(k, -LN2_HI, y);
        r = Math.fma(k, -LN2_LO, r);
        float q = Math.fma(r * r, polynomial(EXPM1, r), r);
        float twoToK = powerOfTwo(Float.floatToRawIntBits(rounded) - ROUNDER_BITS);
        float t = Math.fma(-twoToK, q, -twoToK + 1f) / Math.fma(twoToK, q, twoToK + 1f);
        return Float.intBitsToFloat(Float.floatToRawIntBits(t) | (Float.floatToRawIntBits(x) & SIGN));
    }

    /** 1 / (1 + e^-x) per lane, from z = e^-|x|: 1/(1+z) for x >= 0 and z/(1+z) below, so nothing overflows. */
    public static FloatVector sigmoid(FloatVector x) {
        FloatVector z = exp(x.abs().neg());
        return z.blend(1f, x.compare(VectorOperators.GE, 0f)).div(z.add(1f));
    }

    /** 1 / (1 + e^-x); the same bits as a lane of {@link #sigmoid(FloatVector)}. */
    public static float sigmoid(float x) {
        float z = exp(-Math.abs(x));
        return (x >= 0f ? 1f : z) / (z + 1f);
    }

    /** {@code o[oo + i] = e^a[ao + i]} for {@code i < n}; {@code o} may be {@code a}. */
    public static void exp(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            exp(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = exp(a[ao + i]);
        }
    }

    /** {@code o[oo + i] = log(a[ao + i])} for {@code i < n}; {@code o} may be {@code a}. */
    public static void log(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            log(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = log(a[ao + i]);
        }
    }

    /** {@code o[oo + i] = tanh(a[ao + i])} for {@code i < n}; {@code o} may be {@code a}. */
    public static void tanh(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            tanh(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = tanh(a[ao + i]);
        }
    }

    /** {@code o[oo + i] = sigmoid(a[ao + i])} for {@code i < n}; {@code o} may be {@code a}. */
    public static void sigmoid(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            sigmoid(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = sigmoid(a[ao + i]);
        }
    }

    /** 2^k for integer lanes k in [-126, 127], from the exponent bits. */
    private static FloatVector powerOfTwo(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    private static float powerOfTwo(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }

    /**
     * log(x) + c for a tiny correction c (what log1p's rounding of 1 + x dropped, divided by 1 + x), added where
     * it keeps its digits.
     */
    private static FloatVector log(FloatVector x, FloatVector c) {
        VectorMask<Float> subnormal = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
        FloatVector xs = x.mul(x.broadcast(1f).blend(SUBNORMAL_SCALE, subnormal));
        IntVector bits = xs.reinterpretAsInts();
        IntVector e = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 23);
        FloatVector f = bits.sub(e.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats().sub(1f);
        FloatVector k = e.add(ROUNDER_BITS).reinterpretAsFloats().sub(ROUNDER)
                .sub(x.broadcast(0f).blend(24f, subnormal));
        FloatVector s = f.div(f.add(2f));
        FloatVector z = s.mul(s);
        FloatVector halfSquare = f.mul(f).mul(0.5f);
        FloatVector y = k.fma(x.broadcast(LN2_LO), c).add(s.mul(halfSquare.add(z.mul(polynomial(ATANH, z)))));
        y = k.fma(x.broadcast(LN2_HI), f.sub(halfSquare.sub(y)));
        y = y.blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY));
        y = y.blend(Float.NEGATIVE_INFINITY, x.eq(0f));
        return y.blend(Float.NaN, x.compare(VectorOperators.GE, 0f).not());
    }

    private static float log(float x, float c) {
        boolean subnormal = x < Float.MIN_NORMAL;
        float xs = x * (subnormal ? SUBNORMAL_SCALE : 1f);
        int bits = Float.floatToRawIntBits(xs);
        int e = (bits - SQRT_HALF_BITS) >> 23;
        float f = Float.intBitsToFloat(bits - (e << 23)) - 1f;
        float k = Float.intBitsToFloat(e + ROUNDER_BITS) - ROUNDER - (subnormal ? 24f : 0f);
        float s = f / (f + 2f);
        float z = s * s;
        float halfSquare = f * f * 0.5f;
        float y = Math.fma(k, LN2_LO, c) + s * (halfSquare + z * polynomial(ATANH, z));
        y = Math.fma(k, LN2_HI, f - (halfSquare - y));
        if (x == Float.POSITIVE_INFINITY) {
            return x;
        }
        return x == 0f ? Float.NEGATIVE_INFINITY : x >= 0f ? y : Float.NaN;
    }

    /** c[0] + c[1]·x + c[2]·x² + … by Horner's rule with fused steps. */
    private static FloatVector polynomial(float[] c, FloatVector x) {
        FloatVector p = x.broadcast(c[c.length - 1]);
        for (int j = c.length - 2; j >= 0; j--) {
            p = p.fma(x, x.broadcast(c[j]));
        }
        return p;
    }

    private static float polynomial(float[] c, float x) {
        float p = c[c.length - 1];
        for (int j = c.length - 2; j >= 0; j--) {
            p = Math.fma(p, x, c[j]);
        }
        return p;
    }
}
