package dev.dlfs.model;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.NpyArray;

/**
 * The first element of a stored array that is not a finite number in the network's dtype: NaN or infinite in the
 * file, or finite there but beyond the range of the dtype it is loaded into (a float64 1e39 becomes float32 Inf).
 * A network with such a weight answers every input with NaN or a constant class, so loading refuses it.
 *
 * @param index  the flat (row-major) index of the element
 * @param stored the value as stored in the file
 */
record NonFiniteValue(int index, double stored) {
    /** The first bad element of {@code stored} as converted to {@code loaded}, or null when every element is finite. */
    static NonFiniteValue first(NpyArray stored, Tensor loaded) {
        if (loaded.allFinite()) {
            return null;
        }
        for (int i = 0; i < loaded.size(); i++) {
            if (!Double.isFinite(loaded.getFlat(i))) {
                return new NonFiniteValue(i, stored.getDouble(i));
            }
        }
        throw new AssertionError("allFinite() found a non-finite element that getFlat did not");
    }

    /** e.g. {@code element 12 (flat index) is NaN} or {@code … is 1.0E39, beyond the float32 range}. */
    String describe(Tensor loaded) {
        String value = Double.isNaN(stored) ? "NaN" : Double.isInfinite(stored) ? (stored > 0 ? "inf" : "-inf")
                : stored + ", beyond the " + loaded.dtype().label() + " range";
        return "element " + index + " (flat index) is " + value;
    }
}
