// DoubleReductions.java is generated from this file by build-tools/TwinGenerator.java.
package dev.dlfs.tensor;

import dev.dlfs.tensor.simd.FloatSum;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vectorised float32 reductions of one contiguous row, and the row softmax built on them. */
final class FloatReductions {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private FloatReductions() {
    }

    /**
     * Sum ({@code ADD}), {@code MAXIMUM} or {@code MINIMUM} of {@code a[ao, ao+n)}; NaN wins max and min. Max and min
     * have loops of their own with four accumulators, so that consecutive vector steps do not wait on one another;
     * being exact, they give the same result in any lane order.
     */
    static float reduce(BinaryOp op, float[] a, int ao, int n) {
        return switch (op) {
            case ADD -> sum(a, ao, n);
            case MAXIMUM -> max(a, ao, n);
            case MINIMUM -> min(a, ao, n);
            default -> throw new IllegalArgumentException("reduce: " + op.label() + " is not a reduction");
        };
    }

    /** In {@link FloatSum}'s fixed order, so that every vector width gives the same bits. */
    private static float sum(float[] a, int ao, int n) {
        return (float) FloatSum.of(a, ao, n);
    }

    private static float max(float[] a, int ao, int n) {
        FloatVector acc0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int step = S.length();
        int i = 0;
        for (int bound = n - 4 * step; i <= bound; i += 4 * step) {
            acc0 = acc0.max(FloatVector.fromArray(S, a, ao + i));
            acc1 = acc1.max(FloatVector.fromArray(S, a, ao + i + step));
            acc2 = acc2.max(FloatVector.fromArray(S, a, ao + i + 2 * step));
            acc3 = acc3.max(FloatVector.fromArray(S, a, ao + i + 3 * step));
        }
        for (int bound = S.loopBound(n); i < bound; i += step) {
            acc0 = acc0.max(FloatVector.fromArray(S, a, ao + i));
        }
        float r = acc0.max(acc1).max(acc2.max(acc3)).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = BinaryOp.MAXIMUM.apply(r, a[ao + i]);
        }
        return r;
    }

    private static float min(float[] a, int ao, int n) {
        FloatVector acc0 = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int step = S.length();
        int i = 0;
        for (int bound = n - 4 * step; i <= bound; i += 4 * step) {
            acc0 = acc0.min(FloatVector.fromArray(S, a, ao + i));
            acc1 = acc1.min(FloatVector.fromArray(S, a, ao + i + step));
            acc2 = acc2.min(FloatVector.fromArray(S, a, ao + i + 2 * step));
            acc3 = acc3.min(FloatVector.fromArray(S, a, ao + i + 3 * step));
        }
        for (int bound = S.loopBound(n); i < bound; i += step) {
            acc0 = acc0.min(FloatVector.fromArray(S, a, ao + i));
        }
        float r = acc0.min(acc1).min(acc2.min(acc3)).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = BinaryOp.MINIMUM.apply(r, a[ao + i]);
        }
        return r;
    }

    /**
     * {@code o = exp(a - max(a)) / sum(exp(a - max(a)))} over each of {@code rows} rows of {@code n} elements;
     * subtracting the max avoids overflow. The exponentials run over all rows at once, so that short rows (ten
     * classes) fill whole vectors too. The passes reuse the element-wise kernels; the rows stay in cache between them.
     */
    static void softmax(float[] a, int ao, float[] o, int oo, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            float max = reduce(BinaryOp.MAXIMUM, a, ao + r * n, n);
            FloatElementwise.binary(BinaryOp.SUB, a, ao + r * n, max, o, oo + r * n, n);
        }
        FloatElementwise.unary(UnaryOp.EXP, o, oo, o, oo, rows * n);
        for (int r = 0; r < rows; r++) {
            float sum = sum(o, oo + r * n, n);
            FloatElementwise.binary(BinaryOp.DIV, o, oo + r * n, sum, o, oo + r * n, n);
        }
    }
}
