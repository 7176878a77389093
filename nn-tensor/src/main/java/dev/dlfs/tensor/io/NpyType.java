package dev.dlfs.tensor.io;

import java.util.Optional;

/**
 * The element types a {@code .npy} file may hold here: NumPy's booleans, integers and floats, named by the kind and
 * size part of a dtype descr ({@code f4} in {@code '<f4'}).
 */
public enum NpyType {
    BOOL('b', 1),
    INT8('i', 1),
    UINT8('u', 1),
    INT16('i', 2),
    UINT16('u', 2),
    INT32('i', 4),
    UINT32('u', 4),
    INT64('i', 8),
    UINT64('u', 8),
    FLOAT16('f', 2),
    FLOAT32('f', 4),
    FLOAT64('f', 8);

    private final char kind;
    private final int bytes;

    NpyType(char kind, int bytes) {
        this.kind = kind;
        this.bytes = bytes;
    }

    /** NumPy's kind character: {@code b} bool, {@code i} signed, {@code u} unsigned, {@code f} float. */
    public char kind() {
        return kind;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** True for the floating-point types. */
    public boolean isFloat() {
        return kind == 'f';
    }

    /** Kind and size as in a descr, e.g. {@code f4} or {@code u1}. */
    public String code() {
        return kind + Integer.toString(bytes);
    }

    /** The type with this kind and size, if supported. */
    public static Optional<NpyType> of(char kind, int bytes) {
        for (NpyType t : values()) {
            if (t.kind == kind && t.bytes == bytes) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
