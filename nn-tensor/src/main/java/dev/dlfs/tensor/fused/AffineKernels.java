package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;

/**
 * The affine layer's bias gradient. {@code Tensor.sum(0)} would give the same sums in another order: it adds a
 * single column (one unit) in {@link dev.dlfs.tensor.simd.FloatSum}'s order, and starts each column from its
 * first row rather than from 0 (which keeps a column of −0s at −0). Allocation-free.
 */
public final class AffineKernels {
    private AffineKernels() {
    }

    /**
     * {@code y += b} on every row of {@code y} (N, units): the affine layer's bias, in one pass. A broadcasting
     * {@code Tensor.addInPlace} gives the same bits but dispatches once per row, which costs more than 50 additions.
     */
    public static Tensor addBias(Tensor y, Tensor b) {
        return addBias(y, b, false);
    }

    /**
     * {@code y += b} on every row, then, if {@code rectify}, {@code y = max(y, 0)} in the same pass: the bits of a
     * ReLU layer applied after it. Returns {@code y}.
     */
    public static Tensor addBias(Tensor y, Tensor b, boolean rectify) {
        if (y.rank() != 2 || b.rank() != 1 || b.dim(0) != y.dim(1) || b.dtype() != y.dtype()) {
            throw new IllegalArgumentException("affine bias: b " + b.describe() + " does not fit y " + y.describe()
                    + ": expected " + y.dtype() + Shapes.format(y.rank() == 2 ? y.dim(1) : 0));
        }
        int rows = y.dim(0);
        int cols = y.dim(1);
        if (y.dtype() == DType.FLOAT32) {
            FloatAffine.addBias(y.floatArray(), y.offset(), rows, cols, b.floatArray(), b.offset(), rectify);
        } else {
            DoubleAffine.addBias(y.doubleArray(), y.offset(), rows, cols, b.doubleArray(), b.offset(), rectify);
        }
        return y;
    }

    /**
     * {@code db[j] = Σ_n dout[n][j]} for dout of (N, units), the book's {@code np.sum(dout, axis=0)}: each column
     * added from 0 in batch order, so its bits do not depend on the vector width. Returns db.
     */
    public static Tensor biasGradient(Tensor dout, Tensor db) {
        if (dout.rank() != 2) {
            throw new IllegalArgumentException("affine bias gradient: dout " + dout.describe() + " is not (N, units)");
        }
        if (db.rank() != 1 || db.dim(0) != dout.dim(1) || db.dtype() != dout.dtype()) {
            throw new IllegalArgumentException("affine bias gradient: db " + db.describe() + " does not fit dout "
                    + dout.describe() + ": expected " + dout.dtype() + Shapes.format(dout.dim(1)));
        }
        int rows = dout.dim(0);
        int cols = dout.dim(1);
        if (dout.dtype() == DType.FLOAT32) {
            FloatAffine.columnSums(dout.floatArray(), dout.offset(), rows, cols, db.floatArray(), db.offset());
        } else {
            DoubleAffine.columnSums(dout.doubleArray(), dout.offset(), rows, cols, db.doubleArray(), db.offset());
        }
        return db;
    }
}
