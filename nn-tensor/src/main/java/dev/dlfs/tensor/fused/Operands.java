package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * The checks every fused operation makes before it touches an array. They run on every call of a training step,
 * so they allocate nothing unless they fail; the message names the operation and the tensors.
 */
final class Operands {
    private Operands() {
    }

    /**
     * Fails unless {@code t} has the dtype and shape of {@code like}, naming the operation and both operands.
     */
    static void requireLike(String op, String name, Tensor t, String likeName, Tensor like) {
        if (!alike(t, like)) {
            throw new IllegalArgumentException(op + ": " + name + " is " + t.describe() + " but " + likeName + " is "
                    + like.describe() + "; they must have the same dtype and shape");
        }
    }

    /** Fails unless {@code a} and {@code b} have one dtype and one shape. */
    static void sameDtypeAndShape(String op, Tensor a, Tensor b) {
        if (!alike(a, b)) {
            throw new IllegalArgumentException(op + ": " + a.describe() + " and " + b.describe()
                    + " must have the same dtype and shape");
        }
    }

    /** Fails unless {@code a} and {@code b} have one dtype. */
    static void sameDtype(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": " + a.describe() + " and " + b.describe()
                    + " must have the same dtype");
        }
    }

    /** Fails unless {@code t} is float64. */
    static void float64(String op, String name, Tensor t) {
        if (t.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException(op + ": " + name + " must be float64, got " + t.describe());
        }
    }

    /** Same dtype and dims, compared one by one: {@link Tensor#shape()} copies. */
    private static boolean alike(Tensor a, Tensor b) {
        boolean same = a.dtype() == b.dtype() && a.rank() == b.rank();
        for (int i = 0; same && i < a.rank(); i++) {
            same = a.dim(i) == b.dim(i);
        }
        return same;
    }
}
