// Generated from FloatReductions.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor;

import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.DoubleSum;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vectorised float64 reductions of one contiguous row, and the row softmax built on them. */
final class DoubleReductions {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleReductions() {
    }

    /**
     * Sum ({@code ADD}), {@code MAXIMUM} or {@code MINIMUM} of {@code a[ao, ao+n)}; NaN wins max and min. Max and min
     * have loops of their own with four accumulators, so that consecutive vector steps do not wait on one another;
     * being exact, they give the same result in any lane order.
     */
    static double reduce(BinaryOp op, double[] a, int ao, int n) {
        return switch (op) {
            case ADD -> sum(a, ao, n);
            case MAXIMUM -> max(a, ao, n);
            case MINIMUM -> min(a, ao, n);
            default -> throw new IllegalArgumentException("reduce: " + op.label() + " is not a reduction");
        };
    }

    /** In {@link DoubleSum}'s fixed order, so that every vector width gives the same bits. */
    private static double sum(double[] a, int ao, int n) {
        return (double) DoubleSum.of(a, ao, n);
    }

    private static double max(double[] a, int ao, int n) {
        DoubleVector acc0 = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        DoubleVector acc1 = acc0;
        DoubleVector acc2 = acc0;
        DoubleVector acc3 = acc0;
        int step = S.length();
        int i = 0;
        for (int bound = n - 4 * step; i <= bound; i += 4 * step) {
            acc0 = acc0.max(DoubleVector.fromArray(S, a, ao + i));
            acc1 = acc1.max(DoubleVector.fromArray(S, a, ao + i + step));
            acc2 = acc2.max(DoubleVector.fromArray(S, a, ao + i + 2 * step));
            acc3 = acc3.max(DoubleVector.fromArray(S, a, ao + i + 3 * step));
        }
        for (int bound = S.loopBound(n); i < bound; i += step) {
            acc0 = acc0.max(DoubleVector.fromArray(S, a, ao + i));
        }
        double r = acc0.max(acc1).max(acc2.max(acc3)).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = BinaryOp.MAXIMUM.apply(r, a[ao + i]);
        }
        return r;
    }

    private static double min(double[] a, int ao, int n) {
        DoubleVector acc0 = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
        DoubleVector acc1 = acc0;
        DoubleVector acc2 = acc0;
        DoubleVector acc3 = acc0;
        int step = S.length();
        int i = 0;
        for (int bound = n - 4 * step; i <= bound; i += 4 * step) {
            acc0 = acc0.min(DoubleVector.fromArray(S, a, ao + i));
            acc1 = acc1.min(DoubleVector.fromArray(S, a, ao + i + step));
            acc2 = acc2.min(DoubleVector.fromArray(S, a, ao + i + 2 * step));
            acc3 = acc3.min(DoubleVector.fromArray(S, a, ao + i + 3 * step));
        }
        for (int bound = S.loopBound(n); i < bound; i += step) {
            acc0 = acc0.min(DoubleVector.fromArray(S, a, ao + i));
        }
        double r = acc0.min(acc1).min(acc2.min(acc3)).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = BinaryOp.MINIMUM.apply(r, a[ao + i]);
        }
        return r;
    }

    /**
     * Softmax of each row of {@code a} into {@code o}: shift by the row's maximum, exponentiate every row in one pass
     * (so short rows, 10 classes, vectorise too), divide by the row's sum. Row by row the loops are written out
     * here rather than dispatched per operation, which for short rows costs more than the arithmetic.
     */
    static void softmax(double[] a, int ao, double[] o, int oo, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            shift(a, ao + r * n, o, oo + r * n, n, rowMax(a, ao + r * n, n));
        }
        DoubleMath.exp(o, oo, o, oo, rows * n);
        for (int r = 0; r < rows; r++) {
            divide(o, oo + r * n, n, sum(o, oo + r * n, n));
        }
    }

    /**
     * The row's maximum (NaN wins). A row of four vectors or more takes {@link #max}'s four accumulators; a shorter
     * one (10 classes) one accumulator or a plain loop, where four would cost more than the row. Max is exact, so the
     * order is free.
     */
    private static double rowMax(double[] a, int ao, int n) {
        if (n >= 4 * S.length()) {
            return max(a, ao, n);
        }
        int bound = S.loopBound(n);
        double best = Double.NEGATIVE_INFINITY;
        int i = 0;
        if (bound > 0) {
            DoubleVector m = DoubleVector.fromArray(S, a, ao);
            for (i = S.length(); i < bound; i += S.length()) {
                m = m.max(DoubleVector.fromArray(S, a, ao + i));
            }
            best = m.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            best = Math.max(best, a[ao + i]);
        }
        return best;
    }

    /** {@code o[i] = a[i] - by}. */
    private static void shift(double[] a, int ao, double[] o, int oo, int n, double by) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, ao + i).sub(by).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] - by;
        }
    }

    /** {@code o[i] /= by}. */
    private static void divide(double[] o, int oo, int n, double by) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, o, oo + i).div(by).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] /= by;
        }
    }
}
