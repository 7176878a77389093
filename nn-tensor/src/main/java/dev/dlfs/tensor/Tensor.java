package dev.dlfs.tensor;

import dev.dlfs.tensor.internal.RowGather;
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

    /** The shape array itself, for package code that only reads it. */
    int[] shapeView() {
        return shape;
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

    // ---------------------------------------------------------------- element-wise arithmetic

    // Three forms each: op(b) allocates, opInPlace(b) overwrites this (b must broadcast to this shape), op(b, out)
    // writes out (which must have the broadcast shape) and returns it. Operands must share a dtype; scalars take
    // the tensor's dtype. Broadcasting follows NumPy: shapes align at the last axis, length-1 axes stretch.

    /** <code>this + b</code>, broadcast, as a new tensor. */
    public Tensor add(Tensor b) {
        return Elementwise.binary("add", BinaryOp.ADD, this, b, null);
    }

    /** <code>this = this + b</code>; {@code b} broadcasts to this shape. Returns this. */
    public Tensor addInPlace(Tensor b) {
        return Elementwise.binaryInPlace("addInPlace", BinaryOp.ADD, this, b);
    }

    /** <code>out = this + b</code>, broadcast; returns {@code out}. */
    public Tensor add(Tensor b, Tensor out) {
        return Elementwise.binary("add", BinaryOp.ADD, this, b, out);
    }

    /** <code>this + s</code> as a new tensor. */
    public Tensor add(double s) {
        return Elementwise.scalar("add", BinaryOp.ADD, this, s, null);
    }

    /** <code>this = this + s</code>; returns this. */
    public Tensor addInPlace(double s) {
        return Elementwise.scalar("addInPlace", BinaryOp.ADD, this, s, this);
    }

    /** <code>out = this + s</code>; returns {@code out}. */
    public Tensor add(double s, Tensor out) {
        return Elementwise.scalar("add", BinaryOp.ADD, this, s, out);
    }

    /** <code>this - b</code>, broadcast, as a new tensor. */
    public Tensor sub(Tensor b) {
        return Elementwise.binary("sub", BinaryOp.SUB, this, b, null);
    }

    /** <code>this = this - b</code>; {@code b} broadcasts to this shape. Returns this. */
    public Tensor subInPlace(Tensor b) {
        return Elementwise.binaryInPlace("subInPlace", BinaryOp.SUB, this, b);
    }

    /** <code>out = this - b</code>, broadcast; returns {@code out}. */
    public Tensor sub(Tensor b, Tensor out) {
        return Elementwise.binary("sub", BinaryOp.SUB, this, b, out);
    }

    /** <code>this - s</code> as a new tensor. */
    public Tensor sub(double s) {
        return Elementwise.scalar("sub", BinaryOp.SUB, this, s, null);
    }

    /** <code>this = this - s</code>; returns this. */
    public Tensor subInPlace(double s) {
        return Elementwise.scalar("subInPlace", BinaryOp.SUB, this, s, this);
    }

    /** <code>out = this - s</code>; returns {@code out}. */
    public Tensor sub(double s, Tensor out) {
        return Elementwise.scalar("sub", BinaryOp.SUB, this, s, out);
    }

    /** <code>this * b</code>, broadcast, as a new tensor. */
    public Tensor mul(Tensor b) {
        return Elementwise.binary("mul", BinaryOp.MUL, this, b, null);
    }

    /** <code>this = this * b</code>; {@code b} broadcasts to this shape. Returns this. */
    public Tensor mulInPlace(Tensor b) {
        return Elementwise.binaryInPlace("mulInPlace", BinaryOp.MUL, this, b);
    }

    /** <code>out = this * b</code>, broadcast; returns {@code out}. */
    public Tensor mul(Tensor b, Tensor out) {
        return Elementwise.binary("mul", BinaryOp.MUL, this, b, out);
    }

    /** <code>this * s</code> as a new tensor. */
    public Tensor mul(double s) {
        return Elementwise.scalar("mul", BinaryOp.MUL, this, s, null);
    }

    /** <code>this = this * s</code>; returns this. */
    public Tensor mulInPlace(double s) {
        return Elementwise.scalar("mulInPlace", BinaryOp.MUL, this, s, this);
    }

    /** <code>out = this * s</code>; returns {@code out}. */
    public Tensor mul(double s, Tensor out) {
        return Elementwise.scalar("mul", BinaryOp.MUL, this, s, out);
    }

    /** <code>this / b</code>, broadcast, as a new tensor. */
    public Tensor div(Tensor b) {
        return Elementwise.binary("div", BinaryOp.DIV, this, b, null);
    }

    /** <code>this = this / b</code>; {@code b} broadcasts to this shape. Returns this. */
    public Tensor divInPlace(Tensor b) {
        return Elementwise.binaryInPlace("divInPlace", BinaryOp.DIV, this, b);
    }

    /** <code>out = this / b</code>, broadcast; returns {@code out}. */
    public Tensor div(Tensor b, Tensor out) {
        return Elementwise.binary("div", BinaryOp.DIV, this, b, out);
    }

    /** <code>this / s</code> as a new tensor. */
    public Tensor div(double s) {
        return Elementwise.scalar("div", BinaryOp.DIV, this, s, null);
    }

    /** <code>this = this / s</code>; returns this. */
    public Tensor divInPlace(double s) {
        return Elementwise.scalar("divInPlace", BinaryOp.DIV, this, s, this);
    }

    /** <code>out = this / s</code>; returns {@code out}. */
    public Tensor div(double s, Tensor out) {
        return Elementwise.scalar("div", BinaryOp.DIV, this, s, out);
    }

    /** <code>this<sup>b</sup></code>, broadcast, as a new tensor. */
    public Tensor pow(Tensor b) {
        return Elementwise.binary("pow", BinaryOp.POW, this, b, null);
    }

    /** <code>this = this<sup>b</sup></code>; {@code b} broadcasts to this shape. Returns this. */
    public Tensor powInPlace(Tensor b) {
        return Elementwise.binaryInPlace("powInPlace", BinaryOp.POW, this, b);
    }

    /** <code>out = this<sup>b</sup></code>, broadcast; returns {@code out}. */
    public Tensor pow(Tensor b, Tensor out) {
        return Elementwise.binary("pow", BinaryOp.POW, this, b, out);
    }

    /** <code>this<sup>s</sup></code> as a new tensor. */
    public Tensor pow(double s) {
        return Elementwise.scalar("pow", BinaryOp.POW, this, s, null);
    }

    /** <code>this = this<sup>s</sup></code>; returns this. */
    public Tensor powInPlace(double s) {
        return Elementwise.scalar("powInPlace", BinaryOp.POW, this, s, this);
    }

    /** <code>out = this<sup>s</sup></code>; returns {@code out}. */
    public Tensor pow(double s, Tensor out) {
        return Elementwise.scalar("pow", BinaryOp.POW, this, s, out);
    }

    /** <code>max(this, b)</code>, broadcast, as a new tensor. */
    public Tensor maximum(Tensor b) {
        return Elementwise.binary("maximum", BinaryOp.MAXIMUM, this, b, null);
    }

    /** <code>this = max(this, b)</code>; {@code b} broadcasts to this shape. Returns this. */
    public Tensor maximumInPlace(Tensor b) {
        return Elementwise.binaryInPlace("maximumInPlace", BinaryOp.MAXIMUM, this, b);
    }

    /** <code>out = max(this, b)</code>, broadcast; returns {@code out}. */
    public Tensor maximum(Tensor b, Tensor out) {
        return Elementwise.binary("maximum", BinaryOp.MAXIMUM, this, b, out);
    }

    /** <code>max(this, s)</code> as a new tensor. */
    public Tensor maximum(double s) {
        return Elementwise.scalar("maximum", BinaryOp.MAXIMUM, this, s, null);
    }

    /** <code>this = max(this, s)</code>; returns this. */
    public Tensor maximumInPlace(double s) {
        return Elementwise.scalar("maximumInPlace", BinaryOp.MAXIMUM, this, s, this);
    }

    /** <code>out = max(this, s)</code>; returns {@code out}. */
    public Tensor maximum(double s, Tensor out) {
        return Elementwise.scalar("maximum", BinaryOp.MAXIMUM, this, s, out);
    }

    /** <code>min(this, b)</code>, broadcast, as a new tensor. */
    public Tensor minimum(Tensor b) {
        return Elementwise.binary("minimum", BinaryOp.MINIMUM, this, b, null);
    }

    /** <code>this = min(this, b)</code>; {@code b} broadcasts to this shape. Returns this. */
    public Tensor minimumInPlace(Tensor b) {
        return Elementwise.binaryInPlace("minimumInPlace", BinaryOp.MINIMUM, this, b);
    }

    /** <code>out = min(this, b)</code>, broadcast; returns {@code out}. */
    public Tensor minimum(Tensor b, Tensor out) {
        return Elementwise.binary("minimum", BinaryOp.MINIMUM, this, b, out);
    }

    /** <code>min(this, s)</code> as a new tensor. */
    public Tensor minimum(double s) {
        return Elementwise.scalar("minimum", BinaryOp.MINIMUM, this, s, null);
    }

    /** <code>this = min(this, s)</code>; returns this. */
    public Tensor minimumInPlace(double s) {
        return Elementwise.scalar("minimumInPlace", BinaryOp.MINIMUM, this, s, this);
    }

    /** <code>out = min(this, s)</code>; returns {@code out}. */
    public Tensor minimum(double s, Tensor out) {
        return Elementwise.scalar("minimum", BinaryOp.MINIMUM, this, s, out);
    }

    /** <code>this += alpha * b</code> for {@code b} of the same shape (SGD's update, gradient accumulation). Returns this. */
    public Tensor addScaledInPlace(double alpha, Tensor b) {
        Elementwise.addScaled(this, alpha, b);
        return this;
    }

    // ---------------------------------------------------------------- element-wise functions


    /** -x of each element, as a new tensor. */
    public Tensor neg() {
        return Elementwise.unary("neg", UnaryOp.NEG, this, null);
    }

    /** -x of each element, in place; returns this. */
    public Tensor negInPlace() {
        return Elementwise.unary("negInPlace", UnaryOp.NEG, this, this);
    }

    /** -x of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor neg(Tensor out) {
        return Elementwise.unary("neg", UnaryOp.NEG, this, out);
    }

    /** e<sup>x</sup> of each element, as a new tensor. */
    public Tensor exp() {
        return Elementwise.unary("exp", UnaryOp.EXP, this, null);
    }

    /** e<sup>x</sup> of each element, in place; returns this. */
    public Tensor expInPlace() {
        return Elementwise.unary("expInPlace", UnaryOp.EXP, this, this);
    }

    /** e<sup>x</sup> of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor exp(Tensor out) {
        return Elementwise.unary("exp", UnaryOp.EXP, this, out);
    }

    /** ln x (NaN below 0, -inf at 0) of each element, as a new tensor. */
    public Tensor log() {
        return Elementwise.unary("log", UnaryOp.LOG, this, null);
    }

    /** ln x (NaN below 0, -inf at 0) of each element, in place; returns this. */
    public Tensor logInPlace() {
        return Elementwise.unary("logInPlace", UnaryOp.LOG, this, this);
    }

    /** ln x (NaN below 0, -inf at 0) of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor log(Tensor out) {
        return Elementwise.unary("log", UnaryOp.LOG, this, out);
    }

    /** &radic;x of each element, as a new tensor. */
    public Tensor sqrt() {
        return Elementwise.unary("sqrt", UnaryOp.SQRT, this, null);
    }

    /** &radic;x of each element, in place; returns this. */
    public Tensor sqrtInPlace() {
        return Elementwise.unary("sqrtInPlace", UnaryOp.SQRT, this, this);
    }

    /** &radic;x of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor sqrt(Tensor out) {
        return Elementwise.unary("sqrt", UnaryOp.SQRT, this, out);
    }

    /** |x| of each element, as a new tensor. */
    public Tensor abs() {
        return Elementwise.unary("abs", UnaryOp.ABS, this, null);
    }

    /** |x| of each element, in place; returns this. */
    public Tensor absInPlace() {
        return Elementwise.unary("absInPlace", UnaryOp.ABS, this, this);
    }

    /** |x| of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor abs(Tensor out) {
        return Elementwise.unary("abs", UnaryOp.ABS, this, out);
    }

    /** x<sup>2</sup> of each element, as a new tensor. */
    public Tensor square() {
        return Elementwise.unary("square", UnaryOp.SQUARE, this, null);
    }

    /** x<sup>2</sup> of each element, in place; returns this. */
    public Tensor squareInPlace() {
        return Elementwise.unary("squareInPlace", UnaryOp.SQUARE, this, this);
    }

    /** x<sup>2</sup> of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor square(Tensor out) {
        return Elementwise.unary("square", UnaryOp.SQUARE, this, out);
    }

    /** tanh x of each element, as a new tensor. */
    public Tensor tanh() {
        return Elementwise.unary("tanh", UnaryOp.TANH, this, null);
    }

    /** tanh x of each element, in place; returns this. */
    public Tensor tanhInPlace() {
        return Elementwise.unary("tanhInPlace", UnaryOp.TANH, this, this);
    }

    /** tanh x of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor tanh(Tensor out) {
        return Elementwise.unary("tanh", UnaryOp.TANH, this, out);
    }

    /** 1 / (1 + e<sup>-x</sup>) of each element, as a new tensor. */
    public Tensor sigmoid() {
        return Elementwise.unary("sigmoid", UnaryOp.SIGMOID, this, null);
    }

    /** 1 / (1 + e<sup>-x</sup>) of each element, in place; returns this. */
    public Tensor sigmoidInPlace() {
        return Elementwise.unary("sigmoidInPlace", UnaryOp.SIGMOID, this, this);
    }

    /** 1 / (1 + e<sup>-x</sup>) of each element into {@code out} (same shape and dtype); returns {@code out}. */
    public Tensor sigmoid(Tensor out) {
        return Elementwise.unary("sigmoid", UnaryOp.SIGMOID, this, out);
    }

    // ---------------------------------------------------------------- comparisons


    // Masks of 1 (true) and 0 (false) in this tensor's dtype, so that they multiply straight into gradients.

    /** <code>this > b</code> as a 0/1 mask, broadcast. */
    public Tensor gt(Tensor b) {
        return Elementwise.binary("gt", BinaryOp.GT, this, b, null);
    }

    /** <code>this > b</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor gt(Tensor b, Tensor out) {
        return Elementwise.binary("gt", BinaryOp.GT, this, b, out);
    }

    /** <code>this > s</code> as a 0/1 mask. */
    public Tensor gt(double s) {
        return Elementwise.scalar("gt", BinaryOp.GT, this, s, null);
    }

    /** <code>this > s</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor gt(double s, Tensor out) {
        return Elementwise.scalar("gt", BinaryOp.GT, this, s, out);
    }

    /** <code>this &ge; b</code> as a 0/1 mask, broadcast. */
    public Tensor ge(Tensor b) {
        return Elementwise.binary("ge", BinaryOp.GE, this, b, null);
    }

    /** <code>this &ge; b</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor ge(Tensor b, Tensor out) {
        return Elementwise.binary("ge", BinaryOp.GE, this, b, out);
    }

    /** <code>this &ge; s</code> as a 0/1 mask. */
    public Tensor ge(double s) {
        return Elementwise.scalar("ge", BinaryOp.GE, this, s, null);
    }

    /** <code>this &ge; s</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor ge(double s, Tensor out) {
        return Elementwise.scalar("ge", BinaryOp.GE, this, s, out);
    }

    /** <code>this < b</code> as a 0/1 mask, broadcast. */
    public Tensor lt(Tensor b) {
        return Elementwise.binary("lt", BinaryOp.LT, this, b, null);
    }

    /** <code>this < b</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor lt(Tensor b, Tensor out) {
        return Elementwise.binary("lt", BinaryOp.LT, this, b, out);
    }

    /** <code>this < s</code> as a 0/1 mask. */
    public Tensor lt(double s) {
        return Elementwise.scalar("lt", BinaryOp.LT, this, s, null);
    }

    /** <code>this < s</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor lt(double s, Tensor out) {
        return Elementwise.scalar("lt", BinaryOp.LT, this, s, out);
    }

    /** <code>this &le; b</code> as a 0/1 mask, broadcast. */
    public Tensor le(Tensor b) {
        return Elementwise.binary("le", BinaryOp.LE, this, b, null);
    }

    /** <code>this &le; b</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor le(Tensor b, Tensor out) {
        return Elementwise.binary("le", BinaryOp.LE, this, b, out);
    }

    /** <code>this &le; s</code> as a 0/1 mask. */
    public Tensor le(double s) {
        return Elementwise.scalar("le", BinaryOp.LE, this, s, null);
    }

    /** <code>this &le; s</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor le(double s, Tensor out) {
        return Elementwise.scalar("le", BinaryOp.LE, this, s, out);
    }

    /** <code>this == b</code> as a 0/1 mask, broadcast. */
    public Tensor eq(Tensor b) {
        return Elementwise.binary("eq", BinaryOp.EQ, this, b, null);
    }

    /** <code>this == b</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor eq(Tensor b, Tensor out) {
        return Elementwise.binary("eq", BinaryOp.EQ, this, b, out);
    }

    /** <code>this == s</code> as a 0/1 mask. */
    public Tensor eq(double s) {
        return Elementwise.scalar("eq", BinaryOp.EQ, this, s, null);
    }

    /** <code>this == s</code> as a 0/1 mask into {@code out}; returns {@code out}. */
    public Tensor eq(double s, Tensor out) {
        return Elementwise.scalar("eq", BinaryOp.EQ, this, s, out);
    }

    /** <code>mask != 0 ? x : y</code> element by element, all three broadcast together and of one dtype. */
    public static Tensor where(Tensor mask, Tensor x, Tensor y) {
        return Elementwise.where(mask, x, y, null);
    }

    /** <code>out = mask != 0 ? x : y</code>, broadcast; returns {@code out}. */
    public static Tensor where(Tensor mask, Tensor x, Tensor y, Tensor out) {
        return Elementwise.where(mask, x, y, out);
    }

    // ---------------------------------------------------------------- reductions


    // Over one axis (negative axes count from the end): the axis is removed, or kept with length 1 if keepDims;
    // the out form needs exactly that shape. Max and min of an empty tensor or axis are errors; NaN propagates.

    /** Sum of all elements (0 if empty). */
    public double sumAll() {
        return Reductions.all("sumAll", BinaryOp.ADD, this);
    }

    /** Mean of all elements (NaN if empty). */
    public double meanAll() {
        return sumAll() / size;
    }

    /** Largest element. */
    public double maxAll() {
        return Reductions.all("maxAll", BinaryOp.MAXIMUM, this);
    }

    /** Smallest element. */
    public double minAll() {
        return Reductions.all("minAll", BinaryOp.MINIMUM, this);
    }

    /** Sum along {@code axis}, which is removed. */
    public Tensor sum(int axis) {
        return sum(axis, false);
    }

    /** Sum along {@code axis}, kept with length 1 if {@code keepDims}. */
    public Tensor sum(int axis, boolean keepDims) {
        return Reductions.axis("sum", BinaryOp.ADD, false, this, axis, keepDims, null);
    }

    /** Sum along {@code axis} into {@code out}; returns {@code out}. */
    public Tensor sum(int axis, boolean keepDims, Tensor out) {
        return Reductions.axis("sum", BinaryOp.ADD, false, this, axis, keepDims, out);
    }

    /** Mean along {@code axis}, which is removed. */
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /** Mean along {@code axis}, kept with length 1 if {@code keepDims}. */
    public Tensor mean(int axis, boolean keepDims) {
        return Reductions.axis("mean", BinaryOp.ADD, true, this, axis, keepDims, null);
    }

    /** Mean along {@code axis} into {@code out}; returns {@code out}. */
    public Tensor mean(int axis, boolean keepDims, Tensor out) {
        return Reductions.axis("mean", BinaryOp.ADD, true, this, axis, keepDims, out);
    }

    /** Largest element along {@code axis}, which is removed. */
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /** Largest element along {@code axis}, kept with length 1 if {@code keepDims}. */
    public Tensor max(int axis, boolean keepDims) {
        return Reductions.axis("max", BinaryOp.MAXIMUM, false, this, axis, keepDims, null);
    }

    /** Largest element along {@code axis} into {@code out}; returns {@code out}. */
    public Tensor max(int axis, boolean keepDims, Tensor out) {
        return Reductions.axis("max", BinaryOp.MAXIMUM, false, this, axis, keepDims, out);
    }

    /** Smallest element along {@code axis}, which is removed. */
    public Tensor min(int axis) {
        return min(axis, false);
    }

    /** Smallest element along {@code axis}, kept with length 1 if {@code keepDims}. */
    public Tensor min(int axis, boolean keepDims) {
        return Reductions.axis("min", BinaryOp.MINIMUM, false, this, axis, keepDims, null);
    }

    /** Smallest element along {@code axis} into {@code out}; returns {@code out}. */
    public Tensor min(int axis, boolean keepDims, Tensor out) {
        return Reductions.axis("min", BinaryOp.MINIMUM, false, this, axis, keepDims, out);
    }

    /** Index of the largest element along {@code axis} (first on ties) for each position of the reduced shape, in row-major order; e.g. the predicted class of each row of {@code (N, classes)} scores. */
    public int[] argmax(int axis) {
        return Reductions.argmax(this, axis);
    }

    /** Flat (row-major) index of the largest element (first on ties). */
    public int argmaxAll() {
        return Reductions.argmaxAll(this);
    }

    /** Softmax along the last axis as a new tensor; the row max is subtracted first, so large inputs do not overflow. */
    public Tensor softmax() {
        return Reductions.softmax(this, null);
    }

    /** Softmax along the last axis into {@code out} (same shape and dtype, may be this); returns {@code out}. */
    public Tensor softmax(Tensor out) {
        return Reductions.softmax(this, out);
    }

    // ---------------------------------------------------------------- products and rearrangements


    /** The matrix product {@code this · b} of 2-D tensors, as a new tensor. */
    public Tensor matmul(Tensor b) {
        return Gemm.matmul(this, b);
    }

    /** {@code out = this · b} for 2-D tensors; returns {@code out}. */
    public Tensor matmul(Tensor b, Tensor out) {
        return Gemm.matmul(this, b, out);
    }

    /** The transpose of a 2-D tensor, as a copy. */
    public Tensor transpose() {
        return Permutation.transpose(this);
    }

    /** A copy whose axis {@code i} is axis {@code axes[i]} of this tensor, like {@code np.transpose(x, axes)}. */
    public Tensor permute(int... axes) {
        return Permutation.permute(this, axes);
    }

    /** The rows {@code idx[0], idx[1], …} along axis 0, copied into a new tensor: a shuffled mini-batch. */
    public Tensor gatherRows(int[] idx) {
        int[] s = shape.clone();
        if (s.length == 0) {
            throw new IllegalArgumentException("gatherRows: needs at least one axis, got a scalar " + describe());
        }
        s[0] = idx.length;
        return gatherRows(idx, zeros(dtype, s));
    }

    /** The rows {@code idx[0], idx[1], …} along axis 0, copied into {@code out}; returns {@code out}. */
    public Tensor gatherRows(int[] idx, Tensor out) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("gatherRows: needs at least one axis, got a scalar " + describe());
        }
        int[] s = shape.clone();
        s[0] = idx.length;
        Elementwise.checkedOut("gatherRows", out, dtype, s);
        int rowSize = shape[0] == 0 ? 0 : size / shape[0];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[0]) {
                throw new IllegalArgumentException("gatherRows: index " + idx[i] + " at position " + i
                        + " is out of range for " + shape[0] + " rows of " + describe());
            }
        }
        Object from = dtype == DType.FLOAT32 ? floatArray() : doubleArray();
        Object to = dtype == DType.FLOAT32 ? out.floatArray() : out.doubleArray();
        RowGather.gather(from, offset(), idx, rowSize, to, out.offset(), Parallelism.threads());
        return out;
    }

    // ---------------------------------------------------------------- comparing tensors

    /**
     * True if {@code |this - other| <= atol + rtol·|other|} everywhere, like {@code np.allclose}; NaN is never close.
     * The dtypes may differ (values are compared as doubles), the shapes may not.
     */
    public boolean allClose(Tensor other, double rtol, double atol) {
        sameShapeForComparison("allClose", other);
        for (int i = 0; i < size; i++) {
            double a = value(i);
            double b = other.value(i);
            boolean close = Double.isInfinite(a) || Double.isInfinite(b) ? a == b
                    : Math.abs(a - b) <= atol + rtol * Math.abs(b);
            if (!close) {
                return false;
            }
        }
        return true;
    }

    /** The largest {@code |this - other|} (NaN if any element is NaN); dtypes may differ, shapes may not. */
    public double maxAbsDiff(Tensor other) {
        sameShapeForComparison("maxAbsDiff", other);
        double max = 0;
        for (int i = 0; i < size; i++) {
            double diff = Math.abs(value(i) - other.value(i));
            if (Double.isNaN(diff)) {
                return diff;
            }
            max = Math.max(max, diff);
        }
        return max;
    }

    /** True if no element is NaN or infinite. */
    public boolean allFinite() {
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(value(i))) {
                return false;
            }
        }
        return true;
    }

    private void sameShapeForComparison(String op, Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException(op + ": shapes " + Shapes.format(shape) + " and "
                    + Shapes.format(other.shape) + " differ");
        }
    }

    /** Element {@code i} without the bounds check of {@link #getFlat} (callers stay below size). */
    private double value(int i) {
        return f != null ? f[offset + i] : d[offset + i];
    }

    // ---------------------------------------------------------------- object methods

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
