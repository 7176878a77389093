package dev.dlfs.tensor;

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

    /** The scalar definition; vector kernels agree with it to within an ulp or two. */
    double apply(double x) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case SQUARE -> x * x;
            case TANH -> Math.tanh(x);
            // exp(-x) overflows to +inf for very negative x, giving exactly 0 rather than NaN.
            case SIGMOID -> 1 / (1 + Math.exp(-x));
        };
    }

    float apply(float x) {
        return (float) apply((double) x);
    }
}
