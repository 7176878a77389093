package dev.dlfs.tensor;

import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.FloatMath;

/** The element-wise unary operations of {@link Tensor}. */
enum UnaryOp {
    NEG("neg"),
    EXP("exp"),
    LOG("log"),
    SQRT("sqrt"),
    ABS("abs"),
    SQUARE("square"),
    TANH("tanh"),
    SIGMOID("sigmoid");

    private final String label;

    UnaryOp(String label) {
        this.label = label;
    }

    /** The method name, for error messages. */
    String label() {
        return label;
    }

    /** The scalar definition: the same bits as the vector kernels give (transcendental ones from {@code simd}). */
    double apply(double x) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> DoubleMath.exp(x);
            case LOG -> DoubleMath.log(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case SQUARE -> x * x;
            case TANH -> DoubleMath.tanh(x);
            case SIGMOID -> DoubleMath.sigmoid(x);
        };
    }

    /** float32: the float32 functions of {@code simd}; the rest computed in double and rounded once, which is exact. */
    float apply(float x) {
        return switch (this) {
            case EXP -> FloatMath.exp(x);
            case LOG -> FloatMath.log(x);
            case TANH -> FloatMath.tanh(x);
            case SIGMOID -> FloatMath.sigmoid(x);
            default -> (float) apply((double) x);
        };
    }
}
