package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.Tensor;

/** The check every fused operation makes before it touches an array: all operands share one dtype and shape. */
final class Operands {
    private Operands() {
    }

    /**
     * Fails unless {@code t} has the dtype and shape of {@code like}, naming the operation and both operands.
     * Compares dims one by one: {@link Tensor#shape()} copies, and an optimizer step must not allocate.
     */
    static void requireLike(String op, String name, Tensor t, String likeName, Tensor like) {
        boolean same = t.dtype() == like.dtype() && t.rank() == like.rank();
        for (int a = 0; same && a < like.rank(); a++) {
            same = t.dim(a) == like.dim(a);
        }
        if (!same) {
            throw new IllegalArgumentException(op + ": " + name + " is " + t.describe() + " but " + likeName + " is "
                    + like.describe() + "; they must have the same dtype and shape");
        }
    }
}
