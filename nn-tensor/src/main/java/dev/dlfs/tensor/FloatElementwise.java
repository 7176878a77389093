// DoubleElementwise.java is generated from this file by build-tools/TwinGenerator.java.
package dev.dlfs.tensor;

import dev.dlfs.tensor.simd.FloatMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised float32 element-wise loops over array ranges. Each loop switches on the operation inside the loop so
 * that every vector call sees a constant operator (which the JIT needs to emit SIMD code); the branch is invariant
 * and costs next to nothing.
 */
final class FloatElementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private FloatElementwise() {
    }

    /** {@code o[i] = a[i] op b[i]}. */
    static void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        binary(op, a, ao, 0, b, bo, 0, o, oo, n);
    }

    /** {@code o[i] = a[i] op s}. */
    static void binary(BinaryOp op, float[] a, int ao, float s, float[] o, int oo, int n) {
        binary(op, a, ao, 0, null, 0, s, o, oo, n);
    }

    /** {@code o[i] = s op b[i]}. */
    static void binary(BinaryOp op, float s, float[] b, int bo, float[] o, int oo, int n) {
        binary(op, null, 0, s, b, bo, 0, o, oo, n);
    }

    /** A null array stands for its scalar repeated. */
    private static void binary(BinaryOp op, float[] a, int ao, float as, float[] b, int bo, float bs,
                               float[] o, int oo, int n) {
        FloatVector sa = FloatVector.broadcast(S, as);
        FloatVector sb = FloatVector.broadcast(S, bs);
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = 0;
        // pow has no exactly specified vector form: every element takes the scalar loop (see BinaryOp.apply).
        int bound = op == BinaryOp.POW ? 0 : S.loopBound(n);
        for (; i < bound; i += S.length()) {
            FloatVector x = a == null ? sa : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = b == null ? sb : FloatVector.fromArray(S, b, bo + i);
            FloatVector r = switch (op) {
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
     * {@code o[i] = op(a[i])}. The transcendental functions come from {@link FloatMath}, whose results are the same
     * bits whether a loop runs interpreted or compiled and whichever lane or tail an element lands in.
     */
    static void unary(UnaryOp op, float[] a, int ao, float[] o, int oo, int n) {
        switch (op) {
            case EXP -> FloatMath.exp(a, ao, o, oo, n);
            case LOG -> FloatMath.log(a, ao, o, oo, n);
            case TANH -> FloatMath.tanh(a, ao, o, oo, n);
            case SIGMOID -> FloatMath.sigmoid(a, ao, o, oo, n);
            default -> arithmetic(op, a, ao, o, oo, n);
        }
    }

    private static void arithmetic(UnaryOp op, float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector r = switch (op) {
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
    static void addScaled(float[] a, int ao, float alpha, float[] b, int bo, int n) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            FloatVector.fromArray(S, b, bo + i).fma(va, x).intoArray(a, ao + i);
        }
        for (; i < n; i++) {
            a[ao + i] = Math.fma(b[bo + i], alpha, a[ao + i]);
        }
    }

    /** {@code o[i] = m[i] != 0 ? x[i] : y[i]}. */
    static void where(float[] m, int mo, float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector vm = FloatVector.fromArray(S, m, mo + i);
            FloatVector vy = FloatVector.fromArray(S, y, yo + i);
            vy.blend(FloatVector.fromArray(S, x, xo + i), vm.compare(VectorOperators.NE, 0f)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = m[mo + i] != 0 ? x[xo + i] : y[yo + i];
        }
    }
}
