package dev.dlfs.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vectorised float32 reductions of one contiguous row, and the row softmax built on them. */
final class FloatReductions {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private FloatReductions() {
    }

    /** Sum ({@code ADD}), {@code MAXIMUM} or {@code MINIMUM} of {@code a[ao, ao+n)}; NaN wins max and min. */
    static float reduce(BinaryOp op, float[] a, int ao, int n) {
        float identity = switch (op) {
            case ADD -> 0f;
            case MAXIMUM -> Float.NEGATIVE_INFINITY;
            case MINIMUM -> Float.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException("reduce: " + op.label() + " is not a reduction");
        };
        FloatVector acc = FloatVector.broadcast(S, identity);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            acc = switch (op) {
                case MAXIMUM -> acc.max(x);
                case MINIMUM -> acc.min(x);
                default -> acc.add(x);
            };
        }
        float r = switch (op) {
            case MAXIMUM -> acc.reduceLanes(VectorOperators.MAX);
            case MINIMUM -> acc.reduceLanes(VectorOperators.MIN);
            default -> acc.reduceLanes(VectorOperators.ADD);
        };
        for (; i < n; i++) {
            r = op.apply(r, a[ao + i]);
        }
        return r;
    }

    /** {@code o = exp(a - max(a)) / sum(exp(a - max(a)))} over one row; subtracting the max avoids overflow. */
    static void softmax(float[] a, int ao, int n, float[] o, int oo) {
        float max = reduce(BinaryOp.MAXIMUM, a, ao, n);
        FloatVector vmax = FloatVector.broadcast(S, max);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector e = FloatVector.fromArray(S, a, ao + i).sub(vmax).lanewise(VectorOperators.EXP);
            e.intoArray(o, oo + i);
            acc = acc.add(e);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp(a[ao + i] - max);
            o[oo + i] = e;
            sum += e;
        }
        FloatKernels.binary(BinaryOp.DIV, o, oo, sum, o, oo, n);
    }
}
