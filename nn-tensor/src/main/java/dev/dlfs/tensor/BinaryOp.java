package dev.dlfs.tensor;

/**
 * The element-wise binary operations of {@link Tensor}. Comparisons produce 1 where true and 0 where false, in the
 * dtype of the operands, so that masks multiply straight into gradients.
 */
enum BinaryOp {
    ADD("add"),
    SUB("sub"),
    MUL("mul"),
    DIV("div"),
    POW("pow"),
    MAXIMUM("maximum"),
    MINIMUM("minimum"),
    GT("gt"),
    GE("ge"),
    LT("lt"),
    LE("le"),
    EQ("eq");

    private final String label;

    BinaryOp(String label) {
        this.label = label;
    }

    /** The method name, for error messages. */
    String label() {
        return label;
    }

    /**
     * The scalar definition; vector kernels agree with it bit for bit. {@code pow} is {@link StrictMath#pow}, whose
     * result is fixed by its specification: {@code Math.pow} and vector {@code POW} may change their last bit once
     * the JIT compiles them, and runs must not depend on that.
     */
    double apply(double x, double y) {
        return switch (this) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> StrictMath.pow(x, y);
            case MAXIMUM -> Math.max(x, y);
            case MINIMUM -> Math.min(x, y);
            case GT -> x > y ? 1 : 0;
            case GE -> x >= y ? 1 : 0;
            case LT -> x < y ? 1 : 0;
            case LE -> x <= y ? 1 : 0;
            case EQ -> x == y ? 1 : 0;
        };
    }

    /** float32 arithmetic: computed in double and rounded once, which is exact for + − × ÷ (pow: within an ulp). */
    float apply(float x, float y) {
        return (float) apply((double) x, (double) y);
    }
}
