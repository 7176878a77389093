package dev.dlfs.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vectorised float64 reductions of one contiguous row, and the row softmax built on them. */
final class DoubleReductions {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleReductions() {
    }

    /** Sum ({@code ADD}), {@code MAXIMUM} or {@code MINIMUM} of {@code a[ao, ao+n)}; NaN wins max and min. */
    static double reduce(BinaryOp op, double[] a, int ao, int n) {
        double identity = switch (op) {
            case ADD -> 0.0;
            case MAXIMUM -> Double.NEGATIVE_INFINITY;
            case MINIMUM -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException("reduce: " + op.label() + " is not a reduction");
        };
        DoubleVector acc = DoubleVector.broadcast(S, identity);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            acc = switch (op) {
                case MAXIMUM -> acc.max(x);
                case MINIMUM -> acc.min(x);
                default -> acc.add(x);
            };
        }
        double r = switch (op) {
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
    static void softmax(double[] a, int ao, int n, double[] o, int oo) {
        double max = reduce(BinaryOp.MAXIMUM, a, ao, n);
        DoubleVector vmax = DoubleVector.broadcast(S, max);
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector e = DoubleVector.fromArray(S, a, ao + i).sub(vmax).lanewise(VectorOperators.EXP);
            e.intoArray(o, oo + i);
            acc = acc.add(e);
        }
        double sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double e = Math.exp(a[ao + i] - max);
            o[oo + i] = e;
            sum += e;
        }
        DoubleKernels.binary(BinaryOp.DIV, o, oo, sum, o, oo, n);
    }
}
