package dev.dlfs.data;

import com.google.common.hash.Hashing;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.nio.ByteBuffer;

/**
 * The contents of one IDX file, as read by {@link IdxReader}: element type, shape and the raw big-endian elements.
 * Immutable; convert with {@link #toTensor} (samples) or {@link #toLabels} (class indices).
 */
public final class IdxArray {
    private final String source;
    private final IdxType type;
    private final int[] shape;
    private final byte[] data;

    IdxArray(String source, IdxType type, int[] shape, byte[] data) {
        this.source = source;
        this.type = type;
        this.shape = shape;
        this.data = data;
    }

    /** The file (or stream) this was read from. */
    public String source() {
        return source;
    }

    public IdxType type() {
        return type;
    }

    /** A copy of the shape, e.g. {@code [60000, 28, 28]}. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Length of axis 0: the number of samples. */
    public int count() {
        return shape[0];
    }

    /** Number of elements. */
    public int size() {
        return data.length / type.bytes();
    }

    /** e.g. {@code unsigned byte (0x08)(60000, 28, 28)}: for messages. */
    public String describe() {
        return type + Shapes.format(shape);
    }

    /** The element at a flat (row-major) index. */
    public double get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(source + ": element " + i + " of " + size());
        }
        return value(ByteBuffer.wrap(data), i);
    }

    private double value(ByteBuffer b, int i) {
        return switch (type) {
            case UBYTE -> data[i] & 0xFF;
            case BYTE -> data[i];
            case SHORT -> b.getShort(2 * i);
            case INT -> b.getInt(4 * i);
            case FLOAT -> b.getFloat(4 * i);
            case DOUBLE -> b.getDouble(8 * i);
        };
    }

    /** The elements as a tensor of the same shape. */
    public Tensor toTensor(DType dtype) {
        return toTensor(dtype, 1.0);
    }

    /**
     * The elements divided by {@code divisor}, as a tensor of the same shape. float32 converts each element to float
     * first and divides in float, exactly like NumPy's {@code x.astype(np.float32) / 255.0} in the book's
     * {@code load_mnist(normalize=True)}; float64 divides in double.
     */
    public Tensor toTensor(DType dtype, double divisor) {
        int n = size();
        ByteBuffer b = ByteBuffer.wrap(data);
        if (dtype == DType.FLOAT32) {
            float[] out = new float[n];
            float div = (float) divisor;
            if (type == IdxType.UBYTE) {
                // The hot case (MNIST pixels): a plain loop the JIT compiles to vector code.
                for (int i = 0; i < n; i++) {
                    out[i] = (data[i] & 0xFF) / div;
                }
            } else {
                // Every IDX value converts to float exactly as it would directly, via its exact double.
                for (int i = 0; i < n; i++) {
                    out[i] = (float) value(b, i) / div;
                }
            }
            return Tensor.wrap(out, shape);
        }
        double[] out = new double[n];
        if (type == IdxType.UBYTE) {
            for (int i = 0; i < n; i++) {
                out[i] = (data[i] & 0xFF) / divisor;
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = value(b, i) / divisor;
            }
        }
        return Tensor.wrap(out, shape);
    }

    /**
     * The elements as class indices, checked to lie in {@code [0, classes)}; {@code classes <= 0} only requires them
     * to be non-negative. Needs a rank-1 file of an integer type.
     *
     * @throws MalformedDataException naming the first offending element
     */
    public int[] toLabels(int classes) throws MalformedDataException {
        if (rank() != 1) {
            throw new MalformedDataException(source, "labels must have rank 1, found shape " + Shapes.format(shape));
        }
        if (!type.integral()) {
            throw new MalformedDataException(source, "labels must have an integer type, found " + type);
        }
        int[] out = new int[count()];
        for (int i = 0; i < out.length; i++) {
            double v = get(i);
            if (v < 0 || (classes > 0 && v >= classes)) {
                throw new MalformedDataException(source, "label " + (long) v + " at index " + i + " is out of range "
                        + (classes > 0 ? "[0, " + classes + ")" : "(labels must be >= 0)"));
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** SHA-256 (lower-case hex) of the uncompressed file this was read from: header and elements. */
    public String sha256() {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * shape.length);   // big-endian, as in the file
        header.put((byte) 0).put((byte) 0).put((byte) type.code()).put((byte) shape.length);
        for (int d : shape) {
            header.putInt(d);
        }
        return Hashing.sha256().newHasher().putBytes(header.array()).putBytes(data).hash().toString();
    }
}
