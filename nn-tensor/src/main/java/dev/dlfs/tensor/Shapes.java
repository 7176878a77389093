package dev.dlfs.tensor;

import com.google.common.math.LongMath;
import java.util.Arrays;

/** Shape arithmetic and the checks that turn bad shapes and indices into clear messages. */
public final class Shapes {
    /** The longest array every JVM allocates: a few header words below {@code Integer.MAX_VALUE}. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16;

    private Shapes() {
    }

    /** Number of elements of a shape (1 for rank 0); fails if no Java array holds that many. */
    public static int size(int[] shape) {
        long n = elements(shape);
        if (n > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("shape " + format(shape) + " has " + count(n)
                    + " elements, more than a Java array holds");
        }
        return (int) n;
    }

    /**
     * The product of the dimensions, saturating at {@link Long#MAX_VALUE} instead of wrapping: a shape too large for
     * any array must not come out small (four axes of 65536 wrap to exactly 0). For checks before an array is made.
     */
    public static long elements(int... shape) {
        long n = 1;
        for (int s : shape) {
            n = LongMath.saturatedMultiply(n, s);
        }
        return n;
    }

    /** An element count for a message; a saturated one is a lower bound. */
    private static String count(long n) {
        return n == Long.MAX_VALUE ? "at least " + n : Long.toString(n);
    }

    /** {@code (100, 784)}, {@code (10,)} or {@code ()}, as NumPy prints shapes. */
    public static String format(int... shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** A defensive copy of {@code shape}, rejecting negative lengths. */
    static int[] checked(String op, int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + format(shape));
            }
        }
        int[] copy = shape.clone();
        size(copy);
        return copy;
    }

    /** Normalises a possibly negative axis against a rank, or fails naming the operation. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    static void index(String op, int i, int size) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + i + " out of range for " + size + " elements");
        }
    }

    static int flatIndex(String op, int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices for a tensor of shape "
                    + format(shape));
        }
        int flat = 0;
        for (int a = 0; a < shape.length; a++) {
            if (index[a] < 0 || index[a] >= shape[a]) {
                throw new IndexOutOfBoundsException(op + ": index " + Arrays.toString(index)
                        + " out of range for shape " + format(shape));
            }
            flat = flat * shape[a] + index[a];
        }
        return flat;
    }

    /** Resolves one {@code -1} in {@code target} so that it holds as many elements as {@code source}. */
    static int[] infer(String op, int[] source, int[] target) {
        int n = size(source);
        int[] s = target.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException(op + ": bad target shape " + format(target));
            } else {
                known = LongMath.saturatedMultiply(known, s[i]);
            }
        }
        if (unknown >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException(op + ": cannot reshape " + format(source) + " to "
                        + format(target));
            }
            s[unknown] = (int) (n / known);
            known *= s[unknown];
        }
        if (known != n) {
            throw new IllegalArgumentException(op + ": cannot reshape " + format(source) + " (" + n
                    + " elements) to " + format(target) + " (" + count(known) + " elements)");
        }
        return s;
    }
}
