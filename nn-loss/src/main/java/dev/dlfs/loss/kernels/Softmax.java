package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.DoubleSum;
import dev.dlfs.tensor.simd.FloatMath;
import dev.dlfs.tensor.simd.FloatSum;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The book's numerically stable softmax along the last axis: subtract each row's maximum, exponentiate, divide by
 * the row's sum (in {@link FloatSum}'s or {@link DoubleSum}'s fixed order, the same bits at any vector width). The
 * exponentials run over the whole buffer at once, so short rows (10 classes) vectorise too.
 */
public final class Softmax {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    private Softmax() {
    }

    /** Writes softmax({@code x}) into {@code out} (same dtype and shape, contiguous; may be {@code x} itself). */
    public static void rows(Tensor x, Tensor out) {
        int classes = x.dim(-1);
        int rows = x.size() / classes;
        if (x.dtype() == DType.FLOAT32) {
            rows(x.floatArray(), x.offset(), out.floatArray(), out.offset(), rows, classes);
        } else {
            rows(x.doubleArray(), x.offset(), out.doubleArray(), out.offset(), rows, classes);
        }
    }

    private static void rows(float[] x, int xo, float[] o, int oo, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            int from = r * classes;
            shift(x, xo + from, o, oo + from, classes, -max(x, xo + from, classes));
        }
        FloatMath.exp(o, oo, o, oo, rows * classes);
        for (int r = 0; r < rows; r++) {
            int from = oo + r * classes;
            divide(o, from, classes, (float) FloatSum.of(o, from, classes));
        }
    }

    private static void rows(double[] x, int xo, double[] o, int oo, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            int from = r * classes;
            shift(x, xo + from, o, oo + from, classes, -max(x, xo + from, classes));
        }
        DoubleMath.exp(o, oo, o, oo, rows * classes);
        for (int r = 0; r < rows; r++) {
            int from = oo + r * classes;
            divide(o, from, classes, DoubleSum.of(o, from, classes));
        }
    }

    private static float max(float[] a, int off, int n) {
        int bound = FS.loopBound(n);
        float best = Float.NEGATIVE_INFINITY;
        int i = 0;
        if (bound > 0) {     // rows shorter than a vector (10 classes) skip the reduction
            FloatVector m = FloatVector.fromArray(FS, a, off);
            for (i = FS.length(); i < bound; i += FS.length()) {
                m = m.max(FloatVector.fromArray(FS, a, off + i));
            }
            best = m.reduceLanes(VectorOperators.MAX);      // max is exact, so lane order does not matter
        }
        for (; i < n; i++) {
            best = Math.max(best, a[off + i]);
        }
        return best;
    }

    private static double max(double[] a, int off, int n) {
        int bound = DS.loopBound(n);
        double best = Double.NEGATIVE_INFINITY;
        int i = 0;
        if (bound > 0) {
            DoubleVector m = DoubleVector.fromArray(DS, a, off);
            for (i = DS.length(); i < bound; i += DS.length()) {
                m = m.max(DoubleVector.fromArray(DS, a, off + i));
            }
            best = m.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            best = Math.max(best, a[off + i]);
        }
        return best;
    }

    private static void shift(float[] x, int xo, float[] o, int oo, int n, float by) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector.fromArray(FS, x, xo + i).add(by).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = x[xo + i] + by;
        }
    }

    private static void shift(double[] x, int xo, double[] o, int oo, int n, double by) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector.fromArray(DS, x, xo + i).add(by).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = x[xo + i] + by;
        }
    }

    /** {@code a[off, off+n) /= by}. */
    public static void divide(float[] a, int off, int n, float by) {
        int i = 0;
        for (int bound = FS.loopBound(n); i < bound; i += FS.length()) {
            FloatVector.fromArray(FS, a, off + i).div(by).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            a[off + i] /= by;
        }
    }

    /** {@code a[off, off+n) /= by}. */
    public static void divide(double[] a, int off, int n, double by) {
        int i = 0;
        for (int bound = DS.loopBound(n); i < bound; i += DS.length()) {
            DoubleVector.fromArray(DS, a, off + i).div(by).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            a[off + i] /= by;
        }
    }
}
