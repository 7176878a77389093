package dev.dlfs.tensor.io;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One NumPy array as stored in a {@code .npy} file: its element type, byte order, shape and raw bytes in C
 * (row-major) order. Float arrays become {@link Tensor}s; integer arrays (labels, predicted classes) can be read
 * as {@code int}s or converted to float tensors when every value converts exactly.
 *
 * <pre>{@code
 * NpyArray predictions = Npz.readArrays(path).get("sample_weight");   // uint8, shape (10000,)
 * int[] classes = predictions.toIntArray();
 * }</pre>
 */
public final class NpyArray {
    private final NpyType type;
    private final ByteOrder order;
    private final int[] shape;
    private final int size;
    private final byte[] data;

    private NpyArray(NpyType type, ByteOrder order, int[] shape, byte[] data) {
        this.type = type;
        this.order = order;
        this.shape = shape;
        this.size = Shapes.size(shape);
        this.data = data;
    }

    /**
     * An array over {@code data} (C order, {@code order} byte order), which it keeps without copying.
     *
     * @throws IllegalArgumentException if the data does not hold exactly the elements of {@code shape}
     */
    public static NpyArray of(NpyType type, ByteOrder order, int[] shape, byte[] data) {
        int[] s = shape.clone();
        for (int d : s) {
            if (d < 0) {
                throw new IllegalArgumentException("NpyArray: negative dimension in shape " + Shapes.format(s));
            }
        }
        long expected = (long) Shapes.size(s) * type.bytes();
        if (data.length != expected) {
            throw new IllegalArgumentException("NpyArray: shape " + Shapes.format(s) + " of " + type.code()
                    + " needs " + expected + " bytes, given " + data.length);
        }
        return new NpyArray(type, order, s, data);
    }

    /** The elements of a float32 or float64 tensor as a little-endian {@code <f4} or {@code <f8} array. */
    public static NpyArray of(Tensor t) {
        ByteBuffer buf = ByteBuffer.allocate(t.size() * t.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        NpyType type;
        if (t.dtype() == DType.FLOAT32) {
            buf.asFloatBuffer().put(t.floatArray(), t.offset(), t.size());
            type = NpyType.FLOAT32;
        } else {
            buf.asDoubleBuffer().put(t.doubleArray(), t.offset(), t.size());
            type = NpyType.FLOAT64;
        }
        return new NpyArray(type, ByteOrder.LITTLE_ENDIAN, t.shape(), buf.array());
    }

    public NpyType type() {
        return type;
    }

    public ByteOrder order() {
        return order;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** NumPy's descr of the element type, e.g. {@code <f4}, {@code >f8} or {@code |u1}. */
    public String descr() {
        char prefix = type.bytes() == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        return prefix + type.code();
    }

    /** e.g. {@code <f4(784, 50)}, for messages. */
    public String describe() {
        return descr() + Shapes.format(shape);
    }

    /** The raw bytes (not a copy: the file's bytes, for writers in this package). */
    byte[] data() {
        return data;
    }

    /** Element {@code i} (row-major) as a double; 64-bit integers beyond 2^53 round. */
    public double getDouble(int i) {
        return value(buffer(), index(i));
    }

    /**
     * Element {@code i} (row-major) of an integer or bool array.
     *
     * @throws IllegalStateException for float arrays, or a uint64 value above {@code Long.MAX_VALUE}
     */
    public long getLong(int i) {
        return integer(buffer(), index(i));
    }

    /** The elements of an integer or bool array as ints, failing on values outside the int range. */
    public int[] toIntArray() {
        ByteBuffer b = buffer();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            long v = integer(b, i);
            if (v != (int) v) {
                throw new IllegalStateException("toIntArray: element " + i + " of " + describe() + " is " + v
                        + ", outside the int range");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * A tensor of this array's natural dtype: float64 for {@code f8} and for integers of 4 or 8 bytes, float32 for
     * {@code f2}/{@code f4}, bool and integers of 1 or 2 bytes (which float32 holds exactly).
     */
    public Tensor toTensor() {
        boolean wide = type == NpyType.FLOAT64 || (!type.isFloat() && type.bytes() >= 4);
        return toTensor(wide ? DType.FLOAT64 : DType.FLOAT32);
    }

    /**
     * A tensor of the given dtype. Floats convert as NumPy's {@code astype} does (float64 to float32 rounds);
     * integers must convert exactly (|v| ≤ 2^24 for float32, 2^53 for float64), or this fails naming the element.
     */
    public Tensor toTensor(DType dtype) {
        ByteBuffer b = buffer();
        if (dtype == DType.FLOAT32) {
            float[] out = new float[size];
            if (type == NpyType.FLOAT32) {
                b.asFloatBuffer().get(out);
            } else {
                for (int i = 0; i < size; i++) {
                    out[i] = (float) convert(b, i, 1L << 24, dtype);
                }
            }
            return Tensor.wrap(out).reshape(shape);
        }
        double[] out = new double[size];
        if (type == NpyType.FLOAT64) {
            b.asDoubleBuffer().get(out);
        } else {
            for (int i = 0; i < size; i++) {
                out[i] = convert(b, i, 1L << 53, dtype);
            }
        }
        return Tensor.wrap(out).reshape(shape);
    }

    private double convert(ByteBuffer b, int i, long exactLimit, DType dtype) {
        if (type.isFloat()) {
            return value(b, i);
        }
        long v = integer(b, i);
        if (v > exactLimit || v < -exactLimit) {
            throw new IllegalStateException("toTensor: element " + i + " of " + describe() + " is " + v
                    + ", which " + dtype + " cannot hold exactly");
        }
        return v;
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(data).order(order);
    }

    private int index(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of range for " + describe());
        }
        return i;
    }

    private double value(ByteBuffer b, int i) {
        return switch (type) {
            case FLOAT16 -> Float.float16ToFloat(b.getShort(i * 2));
            case FLOAT32 -> b.getFloat(i * 4);
            case FLOAT64 -> b.getDouble(i * 8);
            case UINT64 -> {
                long v = b.getLong(i * 8);
                yield v >= 0 ? v : Math.scalb((double) (v >>> 1 | (v & 1)), 1);
            }
            default -> integer(b, i);
        };
    }

    private long integer(ByteBuffer b, int i) {
        return switch (type) {
            case BOOL -> b.get(i) == 0 ? 0 : 1;
            case INT8 -> b.get(i);
            case UINT8 -> Byte.toUnsignedLong(b.get(i));
            case INT16 -> b.getShort(i * 2);
            case UINT16 -> Short.toUnsignedLong(b.getShort(i * 2));
            case INT32 -> b.getInt(i * 4);
            case UINT32 -> Integer.toUnsignedLong(b.getInt(i * 4));
            case INT64 -> b.getLong(i * 8);
            case UINT64 -> {
                long v = b.getLong(i * 8);
                if (v < 0) {
                    throw new IllegalStateException("element " + i + " of " + describe() + " is "
                            + Long.toUnsignedString(v) + ", above the long range");
                }
                yield v;
            }
            case FLOAT16, FLOAT32, FLOAT64 -> throw new IllegalStateException(describe()
                    + " holds floats, not integers");
        };
    }

    /** Same type, byte order, shape and bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.type == type && a.order.equals(order) && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray " + describe();
    }
}
