// Generated from FloatElementwise.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor;

import dev.dlfs.tensor.simd.DoubleMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised float64 element-wise loops over array ranges. Each loop switches on the operation inside the loop so
 * that every vector call sees a constant operator (which the JIT needs to emit SIMD code); the branch is invariant
 * and costs next to nothing.
 */
final class DoubleElementwise {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleElementwise() {
    }

    /** {@code o[i] = a[i] op b[i]}. */
    static void binary(BinaryOp op, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        binary(op, a, ao, 0, b, bo, 0, o, oo, n);
    }

    /** {@code o[i] = a[i] op s}. */
    static void binary(BinaryOp op, double[] a, int ao, double s, double[] o, int oo, int n) {
        binary(op, a, ao, 0, null, 0, s, o, oo, n);
    }

    /** {@code o[i] = s op b[i]}. */
    static void binary(BinaryOp op, double s, double[] b, int bo, double[] o, int oo, int n) {
        binary(op, null, 0, s, b, bo, 0, o, oo, n);
    }

    /** A null array stands for its scalar repeated. */
    private static void binary(BinaryOp op, double[] a, int ao, double as, double[] b, int bo, double bs,
                               double[] o, int oo, int n) {
        DoubleVector sa = DoubleVector.broadcast(S, as);
        DoubleVector sb = DoubleVector.broadcast(S, bs);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        // pow has no exactly specified vector form: every element takes the scalar loop (see BinaryOp.apply).
        int bound = op == BinaryOp.POW ? 0 : S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector x = a == null ? sa : DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = b == null ? sb : DoubleVector.fromArray(S, b, bo + i);
            DoubleVector r = switch (op) {
                case ADD -> x.add(y);
                case SUB -> x.sub(y);
                case MUL -> x.mul(y);
                case DIV -> x.div(y);
                case POW -> throw new AssertionError("pow runs in the scalar loop");
                case MAXIMUM -> x.max(y);
                case MINIMUM -> x.min(y);
                case GT -> zero.blend(one, x.compare(VectorOperators.GT, y));
                case GE -> zero.blend(one, x.compare(VectorOperators.GE, y));
                case LT -> zero.blend(one, x.compare(VectorOperators.LT, y));
                case LE -> zero.blend(one, x.compare(VectorOperators.LE, y));
                case EQ -> zero.blend(one, x.compare(VectorOperators.EQ, y));
            };
            r.intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = op.apply(a == null ? as : a[ao + i], b == null ? bs : b[bo + i]);
        }
    }

    /**
     * {@code o[i] = op(a[i])}. The transcendental functions come from {@link DoubleMath}, whose results are the same
     * bits whether a loop runs interpreted or compiled and whichever lane or tail an element lands in.
     */
    static void unary(UnaryOp op, double[] a, int ao, double[] o, int oo, int n) {
        switch (op) {
            case EXP -> DoubleMath.exp(a, ao, o, oo, n);
            case LOG -> DoubleMath.log(a, ao, o, oo, n);
            case TANH -> DoubleMath.tanh(a, ao, o, oo, n);
            case SIGMOID -> DoubleMath.sigmoid(a, ao, o, oo, n);
            default -> arithmetic(op, a, ao, o, oo, n);
        }
    }

    private static void arithmetic(UnaryOp op, double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector r = switch (op) {
                case NEG -> x.neg();
                case SQRT -> x.sqrt();
                case ABS -> x.abs();
                case SQUARE -> x.mul(x);
                default -> throw new IllegalArgumentException(op.label() + " is not arithmetic");
            };
            r.intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = op.apply(a[ao + i]);
        }
    }

    /** {@code a[i] += alpha·b[i]}, fused so that vector lanes and the scalar tail round alike. */
    static void addScaled(double[] a, int ao, double alpha, double[] b, int bo, int n) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector.fromArray(S, b, bo + i).fma(va, x).intoArray(a, ao + i);
        }
        for (; i < n; i++) {
            a[ao + i] = Math.fma(b[bo + i], alpha, a[ao + i]);
        }
    }

    /** {@code o[i] = m[i] != 0 ? x[i] : y[i]}. */
    static void where(double[] m, int mo, double[] x, int xo, double[] y, int yo, double[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector vm = DoubleVector.fromArray(S, m, mo + i);
            DoubleVector vy = DoubleVector.fromArray(S, y, yo + i);
            vy.blend(DoubleVector.fromArray(S, x, xo + i), vm.compare(VectorOperators.NE, 0.0)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = m[mo + i] != 0 ? x[xo + i] : y[yo + i];
        }
    }
}
