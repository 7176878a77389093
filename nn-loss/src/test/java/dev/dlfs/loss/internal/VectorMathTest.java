package dev.dlfs.loss.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {
    @Test
    void expMatchesMathExpToAboutOneUlpInFloat64() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[4099];   // not a multiple of any vector length: exercises the masked tail
        for (int i = 0; i < x.length; i++) {
            x[i] = -700 + 1400 * rng.nextDouble();
        }
        x[0] = 0;
        double[] e = x.clone();
        VectorMath.expInPlace(e, 0, e.length);
        assertEquals(1.0, e[0]);
        for (int i = 0; i < x.length; i++) {
            double want = Math.exp(x[i]);
            assertTrue(Math.abs(e[i] - want) <= 2 * Math.ulp(want), "exp(" + x[i] + ") = " + e[i] + ", want " + want);
        }
    }

    @Test
    void expMatchesMathExpInFloat32() {
        SplittableRandom rng = new SplittableRandom(2);
        float[] x = new float[1027];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (-87 + 175 * rng.nextDouble());
        }
        float[] e = x.clone();
        VectorMath.expInPlace(e, 0, e.length);
        for (int i = 0; i < x.length; i++) {
            float want = (float) Math.exp(x[i]);
            if (want >= Float.MIN_NORMAL) {
                assertTrue(Math.abs(e[i] - want) <= 2 * Math.ulp(want),
                        "exp(" + x[i] + ") = " + e[i] + ", want " + want);
            }
        }
    }

    @Test
    void expEdgeCases() {
        double[] x = {Double.NEGATIVE_INFINITY, -1000, Double.POSITIVE_INFINITY, 1000, Double.NaN, -708};
        VectorMath.expInPlace(x, 0, x.length);
        assertArrayEquals(new double[] {0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
            Math.exp(-708)}, x, 2 * Math.ulp(Math.exp(-708)));
        float[] f = {Float.NEGATIVE_INFINITY, -200, Float.POSITIVE_INFINITY, 200, Float.NaN};
        VectorMath.expInPlace(f, 0, f.length);
        assertArrayEquals(new float[] {0, 0, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN}, f);
    }

    @Test
    void expWritesOnlyItsRange() {
        double[] a = {5, 0, 1, 5};
        VectorMath.expInPlace(a, 1, 2);
        assertArrayEquals(new double[] {5, 1, Math.E, 5}, a, 1e-15);
    }

    @Test
    void log1pMatchesMathLog1pOnZeroToOne() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            double z = i == 0 ? 1 : i == 1 ? 0 : i % 2 == 0 ? rng.nextDouble() : Math.exp(-40 * rng.nextDouble());
            double want = Math.log1p(z);
            double got = VectorMath.log1p(z);
            assertTrue(Math.abs(got - want) <= 4 * Math.ulp(want), "log1p(" + z + ") = " + got + ", want " + want);
            float zf = (float) z;
            float wantF = (float) Math.log1p(zf);
            float gotF = VectorMath.log1p(zf);
            assertTrue(Math.abs(gotF - wantF) <= 4 * Math.ulp(wantF), "log1p(" + zf + ") = " + gotF);
        }
    }

    @Test
    void vectorLanesGiveTheSameBitsAsTheScalarForm() {
        // Loops finish their tails with the scalar form; a value must not depend on where in the array it sits.
        SplittableRandom rng = new SplittableRandom(4);
        int lanes = VectorMath.DS.length();
        int lanesF = VectorMath.FS.length();
        double[] x = new double[lanes];
        double[] out = new double[lanes];
        float[] xf = new float[lanesF];
        float[] outF = new float[lanesF];
        for (int round = 0; round < 500; round++) {
            for (int i = 0; i < lanes; i++) {
                x[i] = -750 + 1500 * rng.nextDouble();
            }
            for (int i = 0; i < lanesF; i++) {
                xf[i] = (float) (-90 + 180 * rng.nextDouble());
            }
            VectorMath.exp(DoubleVector.fromArray(VectorMath.DS, x, 0)).intoArray(out, 0);
            VectorMath.exp(FloatVector.fromArray(VectorMath.FS, xf, 0)).intoArray(outF, 0);
            for (int i = 0; i < lanes; i++) {
                assertEquals(Double.doubleToRawLongBits(VectorMath.exp(x[i])), Double.doubleToRawLongBits(out[i]),
                        "exp(" + x[i] + ")");
            }
            for (int i = 0; i < lanesF; i++) {
                assertEquals(Float.floatToRawIntBits(VectorMath.exp(xf[i])), Float.floatToRawIntBits(outF[i]),
                        "exp(" + xf[i] + "f)");
            }
            for (int i = 0; i < lanes; i++) {
                x[i] = rng.nextDouble();
            }
            for (int i = 0; i < lanesF; i++) {
                xf[i] = (float) rng.nextDouble();
            }
            VectorMath.log1p(DoubleVector.fromArray(VectorMath.DS, x, 0)).intoArray(out, 0);
            VectorMath.log1p(FloatVector.fromArray(VectorMath.FS, xf, 0)).intoArray(outF, 0);
            for (int i = 0; i < lanes; i++) {
                assertEquals(VectorMath.log1p(x[i]), out[i], 0.0, "log1p(" + x[i] + ")");
            }
            for (int i = 0; i < lanesF; i++) {
                assertEquals(VectorMath.log1p(xf[i]), outF[i], 0.0f, "log1p(" + xf[i] + "f)");
            }
        }
    }
}
