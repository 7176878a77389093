package dev.dlfs.tensor;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An n-dimensional array of float32 or float64 values, stored row-major (C order) in a heap array.
 *
 * <p>A tensor is a view: a backing array, an offset into it and a shape. {@link #reshape} and {@link #rows} return
 * views that share the backing array; everything else that returns a new tensor copies. Tensors are mutable so that
 * training loops can reuse buffers; methods ending in {@code InPlace} (or taking an {@code out} tensor) write into an
 * existing tensor instead of allocating.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final int size;
    private final float[] f;
    private final double[] d;
    private final int offset;

    private Tensor(DType dtype, int[] shape, float[] f, double[] d, int offset) {
        this.dtype = dtype;
        this.shape = shape;
        this.size = Shapes.size(shape);
        this.f = f;
        this.d = d;
        this.offset = offset;
    }

    // ---------------------------------------------------------------- creation

    /** float32 zeros of the given shape. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /** Zeros of the given dtype and shape. */
    public static Tensor zeros(DType dtype, int... shape) {
        int[] s = Shapes.checked("zeros", shape);
        int n = Shapes.size(s);
        return dtype == DType.FLOAT32
                ? new Tensor(dtype, s, new float[n], null, 0)
                : new Tensor(dtype, s, null, new double[n], 0);
    }

    /** A tensor of the same dtype and shape as {@code like}, filled with zeros. */
    public static Tensor zerosLike(Tensor like) {
        return zeros(like.dtype, like.shape);
    }

    /** float32 ones of the given shape. */
    public static Tensor ones(int... shape) {
        return full(DType.FLOAT32, 1.0, shape);
    }

    /** Ones of the given dtype and shape. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1.0, shape);
    }

    /** A tensor of the given dtype and shape with every element equal to {@code value}. */
    public static Tensor full(DType dtype, double value, int... shape) {
        Tensor t = zeros(dtype, shape);
        t.fill(value);
        return t;
    }

    /** A float32 tensor holding a copy of {@code data}, with the given shape (default: 1-D). */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A float64 tensor holding a copy of {@code data}, with the given shape (default: 1-D). */
    public static Tensor of(double[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A float64 matrix from rows of equal length, e.g. the book's weight matrices written out by hand. */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("of: row " + i + " has " + rows[i].length
                        + " elements, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return wrap(data, rows.length, cols);
    }

    /** A float32 tensor backed by {@code data} itself (no copy); writes to either are seen by both. */
    public static Tensor wrap(float[] data, int... shape) {
        int[] s = shapeFor("wrap", data.length, shape);
        return new Tensor(DType.FLOAT32, s, data, null, 0);
    }

    /** A float64 tensor backed by {@code data} itself (no copy); writes to either are seen by both. */
    public static Tensor wrap(double[] data, int... shape) {
        int[] s = shapeFor("wrap", data.length, shape);
        return new Tensor(DType.FLOAT64, s, null, data, 0);
    }

    /** A rank-0 tensor holding one value. */
    public static Tensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    /** {@code [0, 1, …, n-1]} as float32, like {@code np.arange(n)}. */
    public static Tensor arange(int n) {
        return arange(DType.FLOAT32, 0, n, 1);
    }

    /** {@code [start, start+step, …]} up to but excluding {@code stop}, like {@code np.arange}. */
    public static Tensor arange(DType dtype, double start, double stop, double step) {
        if (step == 0 || !Double.isFinite(start) || !Double.isFinite(stop) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("arange: start " + start + ", stop " + stop + ", step " + step
                    + ": step must be non-zero and all values finite");
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        Tensor t = zeros(dtype, n);
        for (int i = 0; i < n; i++) {
            t.setFlat(i, start + i * step);
        }
        return t;
    }

    /** Samples of N(0, 1) from {@code rng}, like {@code np.random.randn}. Same generator state, same tensor. */
    public static Tensor randn(RandomGenerator rng, DType dtype, int... shape) {
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.size; i++) {
            t.setFlat(i, rng.nextGaussian());
        }
        return t;
    }

    /** Samples of U[low, high) from {@code rng}. */
    public static Tensor rand(RandomGenerator rng, DType dtype, double low, double high, int... shape) {
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.size; i++) {
            t.setFlat(i, low + (high - low) * rng.nextDouble());
        }
        return t;
    }

    private static int[] shapeFor(String op, int length, int[] shape) {
        if (shape.length == 0) {
            return new int[] {length};
        }
        int[] s = Shapes.checked(op, shape);
        if (Shapes.size(s) != length) {
            throw new IllegalArgumentException(op + ": " + length + " values cannot have shape "
                    + Shapes.format(s) + " (" + Shapes.size(s) + " elements)");
        }
        return s;
    }

    // ---------------------------------------------------------------- shape and storage

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Length of one axis; negative axes count from the end, as in NumPy. */
    public int dim(int axis) {
        return shape[Shapes.axis("dim", axis, shape.length)];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** e.g. {@code float32(100, 784)}: for error messages. */
    public String describe() {
        return dtype.label() + Shapes.format(shape);
    }

    /**
     * The backing float32 array (hot loops and kernels only). Elements are {@code [offset(), offset()+size())}.
     *
     * @throws IllegalStateException if this tensor is float64
     */
    public float[] floatArray() {
        if (f == null) {
            throw new IllegalStateException("floatArray: tensor is " + describe());
        }
        return f;
    }

    /**
     * The backing float64 array (hot loops and kernels only). Elements are {@code [offset(), offset()+size())}.
     *
     * @throws IllegalStateException if this tensor is float32
     */
    public double[] doubleArray() {
        if (d == null) {
            throw new IllegalStateException("doubleArray: tensor is " + describe());
        }
        return d;
    }

    /** Index of element 0 in the backing array. */
    public int offset() {
        return offset;
    }

    // ---------------------------------------------------------------- element access

    /** The element at a flat (row-major) index, as a double. */
    public double getFlat(int i) {
        Shapes.index("getFlat", i, size);
        return f != null ? f[offset + i] : d[offset + i];
    }

    /** Sets the element at a flat (row-major) index. */
    public void setFlat(int i, double v) {
        Shapes.index("setFlat", i, size);
        if (f != null) {
            f[offset + i] = (float) v;
        } else {
            d[offset + i] = v;
        }
    }

    /** The element at the given indices (one per axis). */
    public double get(int... index) {
        return getFlat(Shapes.flatIndex("get", shape, index));
    }

    /** Sets the element at the given indices (one per axis). */
    public void set(double v, int... index) {
        setFlat(Shapes.flatIndex("set", shape, index), v);
    }

    /** The single value of a tensor with one element. */
    public double item() {
        if (size != 1) {
            throw new IllegalArgumentException("item: tensor " + describe() + " has " + size + " elements, not 1");
        }
        return getFlat(0);
    }

    /** Sets every element to {@code v}; returns this. */
    public Tensor fill(double v) {
        if (f != null) {
            Arrays.fill(f, offset, offset + size, (float) v);
        } else {
            Arrays.fill(d, offset, offset + size, v);
        }
        return this;
    }

    /** The elements as a new float array (converted if float64). */
    public float[] toFloatArray() {
        if (f != null) {
            return Arrays.copyOfRange(f, offset, offset + size);
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) d[offset + i];
        }
        return out;
    }

    /** The elements as a new double array (converted if float32). */
    public double[] toDoubleArray() {
        if (d != null) {
            return Arrays.copyOfRange(d, offset, offset + size);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = f[offset + i];
        }
        return out;
    }

    // ---------------------------------------------------------------- views and copies

    /** A view with another shape and the same elements; one axis may be {@code -1} (inferred). */
    public Tensor reshape(int... newShape) {
        int[] s = Shapes.infer("reshape", shape, newShape);
        return new Tensor(dtype, s, f, d, offset);
    }

    /** A view of rows {@code [from, to)} along axis 0 (a contiguous block, e.g. one mini-batch). */
    public Tensor rows(int from, int to) {
        if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
            throw new IllegalArgumentException("rows: [" + from + ", " + to + ") out of range for " + describe());
        }
        int[] s = shape.clone();
        s[0] = to - from;
        int rowSize = shape[0] == 0 ? 0 : size / shape[0];
        return new Tensor(dtype, s, f, d, offset + from * rowSize);
    }

    /** A view of row {@code i} along axis 0, with that axis removed. */
    public Tensor row(int i) {
        return rows(i, i + 1).reshape(Arrays.copyOfRange(shape, 1, shape.length));
    }

    /** A contiguous copy with its own storage. */
    public Tensor copy() {
        return f != null
                ? new Tensor(dtype, shape.clone(), Arrays.copyOfRange(f, offset, offset + size), null, 0)
                : new Tensor(dtype, shape.clone(), null, Arrays.copyOfRange(d, offset, offset + size), 0);
    }

    /** This tensor converted to {@code target} (a copy, even if the dtype is the same). */
    public Tensor to(DType target) {
        if (target == dtype) {
            return copy();
        }
        return target == DType.FLOAT32 ? wrap(toFloatArray(), shape) : wrap(toDoubleArray(), shape);
    }

    /** Copies {@code src} into this tensor; both must have the same number of elements and dtype. */
    public Tensor copyFrom(Tensor src) {
        if (src.size != size || src.dtype != dtype) {
            throw new IllegalArgumentException("copyFrom: source " + src.describe() + " does not fit " + describe());
        }
        if (f != null) {
            System.arraycopy(src.f, src.offset, f, offset, size);
        } else {
            System.arraycopy(src.d, src.offset, d, offset, size);
        }
        return this;
    }

    /** True if both tensors have the same dtype, shape and elements (bit for bit, NaNs equal to NaNs). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t) || t.dtype != dtype || !Arrays.equals(t.shape, shape)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (f != null ? Float.floatToIntBits(f[offset + i]) != Float.floatToIntBits(t.f[t.offset + i])
                    : Double.doubleToLongBits(d[offset + i]) != Double.doubleToLongBits(t.d[t.offset + i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = dtype.hashCode() * 31 + Arrays.hashCode(shape);
        for (int i = 0; i < Math.min(size, 16); i++) {
            h = h * 31 + Double.hashCode(getFlat(i));
        }
        return h;
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
