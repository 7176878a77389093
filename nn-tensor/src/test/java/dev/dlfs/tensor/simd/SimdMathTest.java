package dev.dlfs.tensor.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FloatMath} and {@link DoubleMath} against {@link StrictMath} (whose results are fixed by its specification):
 * accuracy in ulps over wide ranges, the special values, and the promise that a vector lane, a loop tail and the
 * scalar form give the same bits.
 */
class SimdMathTest {
    interface FloatScalar {
        float apply(float x);
    }

    interface FloatArrayForm {
        void apply(float[] a, int ao, float[] o, int oo, int n);
    }

    interface DoubleArrayForm {
        void apply(double[] a, int ao, double[] o, int oo, int n);
    }

    /**
     * One function: the reference, both dtypes' scalar and vector forms, where to sample it (uniformly in [lo, hi], or
     * log-uniformly, i.e. x = e^t for t in [lo, hi], with an optional sign flip) and the largest error allowed, in
     * ulps of the exact result for float32 and in ulps from StrictMath for float64.
     */
    record Fn(String name, DoubleUnaryOperator ref, FloatScalar f, UnaryOperator<FloatVector> fv,
              DoubleUnaryOperator d, UnaryOperator<DoubleVector> dv, List<double[]> ranges, boolean logScale,
              double floatUlps, double doubleUlps) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** sigmoid in float64 from StrictMath.exp, in the form that neither overflows nor cancels. */
    static double sigmoidReference(double x) {
        return x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
    }

    static final List<Fn> FUNCTIONS = List.of(
            new Fn("exp", StrictMath::exp, FloatMath::exp, FloatMath::exp, DoubleMath::exp, DoubleMath::exp,
                    List.of(new double[] {-2, 2}, new double[] {-110, 95}, new double[] {-750, 712}), false, 1, 1),
            new Fn("log", StrictMath::log, FloatMath::log, FloatMath::log, DoubleMath::log, DoubleMath::log,
                    List.of(new double[] {-0.7, 0.7}, new double[] {-745, 710}), true, 1, 1),
            new Fn("log1p", StrictMath::log1p, FloatMath::log1p, FloatMath::log1p, DoubleMath::log1p,
                    DoubleMath::log1p, List.of(new double[] {-1, 3}), false, 1, 1),
            new Fn("log1p of tiny and huge", StrictMath::log1p, FloatMath::log1p, FloatMath::log1p, DoubleMath::log1p,
                    DoubleMath::log1p,
                    List.of(new double[] {-700, 700}), true, 1, 1),
            new Fn("tanh", StrictMath::tanh, FloatMath::tanh, FloatMath::tanh, DoubleMath::tanh, DoubleMath::tanh,
                    List.of(new double[] {-1, 1}, new double[] {-25, 25}), false, 2, 3),
            new Fn("tanh of tiny", StrictMath::tanh, FloatMath::tanh, FloatMath::tanh, DoubleMath::tanh,
                    DoubleMath::tanh, List.of(new double[] {-700, 1}), true, 2, 3),
            new Fn("sigmoid", SimdMathTest::sigmoidReference, FloatMath::sigmoid, FloatMath::sigmoid,
                    DoubleMath::sigmoid, DoubleMath::sigmoid,
                    List.of(new double[] {-5, 5}, new double[] {-110, 40}, new double[] {-750, 40}), false, 2.5, 2));

    private static final int SAMPLES = 100_000;

    /** Samples of fn's ranges, as float64 values; log-scale samples get a random sign where the function allows. */
    static double[] samples(Fn fn, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[SAMPLES];
        for (int i = 0; i < x.length; i++) {
            double[] range = fn.ranges().get(i % fn.ranges().size());
            double t = range[0] + (range[1] - range[0]) * rng.nextDouble();
            x[i] = fn.logScale() ? Math.exp(t) * (fn.name().equals("log") || rng.nextBoolean() ? 1 : -1) : t;
        }
        return x;
    }

    /** |got - exact| in ulps of the exact value rounded to float32 (the smallest subnormal for 0). */
    static double floatUlps(float got, double exact) {
        if (Double.isNaN(exact) || Double.isInfinite((float) exact)) {
            return Float.compare(got, (float) exact) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - exact) / Math.ulp((float) exact);
    }

    /** |got - want| in ulps of want, both float64. */
    static double doubleUlps(double got, double want) {
        if (Double.isNaN(want) || Double.isInfinite(want)) {
            return Double.compare(got, want) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - want) / Math.ulp(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dlfs.tensor.simd.SimdMathTest#functions")
    void float32IsAccurateOverWideRanges(Fn fn) {
        double[] x = samples(fn, fn.name().hashCode());
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        float[] got = new float[xf.length];
        apply(fn, xf, 0, got);
        double worst = 0;
        float worstAt = 0;
        for (int i = 0; i < xf.length; i++) {
            double e = floatUlps(got[i], fn.ref().applyAsDouble(xf[i]));
            if (e > worst) {
                worst = e;
                worstAt = xf[i];
            }
        }
        assertTrue(worst <= fn.floatUlps(), fn + "(" + worstAt + "f) is " + worst + " ulp off");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dlfs.tensor.simd.SimdMathTest#functions")
    void float64IsWithinAFewUlpsOfStrictMath(Fn fn) {
        double[] x = samples(fn, ~fn.name().hashCode());
        double[] got = new double[x.length];
        apply(fn, x, 0, got);
        double worst = 0;
        double worstAt = 0;
        for (int i = 0; i < x.length; i++) {
            double e = doubleUlps(got[i], fn.ref().applyAsDouble(x[i]));
            if (e > worst) {
                worst = e;
                worstAt = x[i];
            }
        }
        assertTrue(worst <= fn.doubleUlps(), fn + "(" + worstAt + ") is " + worst + " ulp off");
    }

    static List<Fn> functions() {
        return FUNCTIONS;
    }

    /** Zeros, infinities, NaN, the overflow and underflow edges and subnormals, in float64. */
    static final double[] SPECIAL = {0.0, -0.0, 1, -1, -0.5, 0.5, 1e-300, -1e-300, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 709.78, 709.7827128933840, 709.79, 710, 1000, -708.4,
        -720, -745.1, -745.14, -746, -1000, 88.72, 88.7228, 88.73, 89, -87.33, -103.2, -103.28, -103.98, -104, -200,
        Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 1e-17, -1e-17, 0.9999999999999999, -0.9999999999999999,
        -1.0000001, 9, -9, 19.5, -19.5, 22, 30};

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dlfs.tensor.simd.SimdMathTest#functions")
    void specialValuesFollowStrictMath(Fn fn) {
        for (double x : SPECIAL) {
            double want = fn.ref().applyAsDouble(x);
            double got = fn.d().applyAsDouble(x);
            if (Double.isNaN(want) || Double.isInfinite(want) || want == 0 || Math.abs(want) == 1) {
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                        fn + "(" + x + ") = " + got + ", want " + want);
            } else {
                assertTrue(doubleUlps(got, want) <= fn.doubleUlps(), fn + "(" + x + ") = " + got + ", want " + want);
            }
            float xf = (float) x;
            float wantF = (float) fn.ref().applyAsDouble(xf);
            float gotF = fn.f().apply(xf);
            if (Float.isNaN(wantF) || Float.isInfinite(wantF) || wantF == 0 || Math.abs(wantF) == 1) {
                // Exactly where the reference is; float rounding near 1 and 0 may land one ulp inside.
                assertTrue(Float.floatToIntBits(wantF) == Float.floatToIntBits(gotF)
                                || floatUlps(gotF, fn.ref().applyAsDouble(xf)) <= fn.floatUlps(),
                        fn + "(" + xf + "f) = " + gotF + ", want " + wantF);
            } else {
                assertTrue(floatUlps(gotF, fn.ref().applyAsDouble(xf)) <= fn.floatUlps(),
                        fn + "(" + xf + "f) = " + gotF + ", want " + wantF);
            }
        }
    }

    /** The vector form over x[from..], then the scalar form for the elements that fill no whole vector. */
    static void apply(Fn fn, float[] x, int from, float[] out) {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        int i = from;
        for (int bound = from + species.loopBound(x.length - from); i < bound; i += species.length()) {
            fn.fv().apply(FloatVector.fromArray(species, x, i)).intoArray(out, i);
        }
        for (; i < x.length; i++) {
            out[i] = fn.f().apply(x[i]);
        }
    }

    static void apply(Fn fn, double[] x, int from, double[] out) {
        VectorSpecies<Double> species = DoubleVector.SPECIES_PREFERRED;
        int i = from;
        for (int bound = from + species.loopBound(x.length - from); i < bound; i += species.length()) {
            fn.dv().apply(DoubleVector.fromArray(species, x, i)).intoArray(out, i);
        }
        for (; i < x.length; i++) {
            out[i] = fn.d().applyAsDouble(x[i]);
        }
    }

    @Test
    void vectorLanesLoopTailsAndTheScalarFormGiveTheSameBits() {
        // Each value is computed at every position relative to the vector boundaries: a result must not depend on
        // whether it came from a lane or from the scalar tail.
        SplittableRandom rng = new SplittableRandom(7);
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        int n = 3 * lanes + 5;
        for (Fn fn : FUNCTIONS) {
            for (int round = 0; round < 40; round++) {
                double[] x = new double[n];
                float[] xf = new float[n];
                for (int i = 0; i < n; i++) {
                    double[] range = fn.ranges().get(rng.nextInt(fn.ranges().size()));
                    double t = range[0] + (range[1] - range[0]) * rng.nextDouble();
                    boolean special = rng.nextInt(10) == 0;
                    x[i] = special ? SPECIAL[rng.nextInt(SPECIAL.length)] : fn.logScale() ? Math.exp(t) : t;
                    xf[i] = (float) x[i];
                }
                for (int from = 0; from <= lanes; from++) {
                    double[] out = new double[n];
                    float[] outF = new float[n];
                    apply(fn, x, from, out);
                    apply(fn, xf, from, outF);
                    for (int i = from; i < n; i++) {
                        assertEquals(Double.doubleToRawLongBits(fn.d().applyAsDouble(x[i])),
                                Double.doubleToRawLongBits(out[i]), fn + "(" + x[i] + ") at " + (i - from));
                        assertEquals(Float.floatToRawIntBits(fn.f().apply(xf[i])), Float.floatToRawIntBits(outF[i]),
                                fn + "(" + xf[i] + "f) at " + (i - from));
                    }
                }
            }
        }
    }

    @Test
    void arrayFormsGiveTheScalarBitsAndWriteOnlyTheirRange() {
        List<FloatArrayForm> floatForms = List.of(FloatMath::exp, FloatMath::log, FloatMath::tanh, FloatMath::sigmoid);
        List<FloatScalar> floatScalars = List.of(FloatMath::exp, FloatMath::log, FloatMath::tanh, FloatMath::sigmoid);
        List<DoubleArrayForm> doubleForms = List.of(DoubleMath::exp, DoubleMath::log, DoubleMath::tanh,
                DoubleMath::sigmoid);
        List<DoubleUnaryOperator> doubleScalars = List.of(DoubleMath::exp, DoubleMath::log, DoubleMath::tanh,
                DoubleMath::sigmoid);
        SplittableRandom rng = new SplittableRandom(11);
        int n = 4 * FloatVector.SPECIES_PREFERRED.length() + 3;
        for (int k = 0; k < floatForms.size(); k++) {
            float[] a = new float[n];
            double[] ad = new double[n];
            for (int i = 0; i < n; i++) {
                ad[i] = 20 * rng.nextDouble();
                a[i] = (float) ad[i];
            }
            for (int from = 0; from < 5; from++) {
                float[] o = new float[n + 2];
                double[] od = new double[n + 2];
                floatForms.get(k).apply(a, from, o, 1, n - from);
                doubleForms.get(k).apply(ad, from, od, 1, n - from);
                assertEquals(0f, o[0]);
                assertEquals(0.0, od[0]);
                for (int i = 0; i < n - from; i++) {
                    assertEquals(floatScalars.get(k).apply(a[from + i]), o[1 + i], 0f);
                    assertEquals(doubleScalars.get(k).applyAsDouble(ad[from + i]), od[1 + i], 0.0);
                }
                for (int i = n - from + 1; i < n + 2; i++) {
                    assertEquals(0f, o[i]);
                    assertEquals(0.0, od[i]);
                }
            }
            floatForms.get(k).apply(a, 0, a, 0, n);
            assertEquals(floatScalars.get(k).apply((float) ad[n - 1]), a[n - 1], 0f, "in place");
        }
    }

    @Test
    void vectorFormsWorkOnAnySpecies() {
        float[] x = {-3, -0.5f, 0, 0.25f, 1, 2, 7, 30};
        float[] out = new float[x.length];
        FloatMath.tanh(FloatVector.fromArray(FloatVector.SPECIES_256, x, 0)).intoArray(out, 0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(FloatMath.tanh(x[i]), out[i], 0f);
        }
        double[] xd = {-3, 0.25, 1, 700};
        double[] outD = new double[xd.length];
        DoubleMath.log1p(DoubleVector.fromArray(DoubleVector.SPECIES_256, xd, 0)).intoArray(outD, 0);
        for (int i = 0; i < xd.length; i++) {
            assertEquals(DoubleMath.log1p(xd[i]), outD[i], 0.0);
        }
    }
}
