package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Element counts never wrap around: a shape too large for an array is refused, never taken for a small one. */
class ShapeSizeTest {
    /** 65536⁴ = 2⁶⁴, which a long multiplication wraps to exactly 0. */
    private static final int[] WRAPS_TO_ZERO = {65536, 65536, 65536, 65536};

    @Test
    void sizesOfOrdinaryShapes() {
        assertEquals(1, Shapes.size(new int[0]));
        assertEquals(78400, Shapes.size(new int[] {100, 784}));
        assertEquals(0, Shapes.size(new int[] {0, 784}));
        assertEquals(Shapes.MAX_ARRAY_LENGTH, Shapes.size(new int[] {Shapes.MAX_ARRAY_LENGTH}));
    }

    @Test
    void elementsSaturateInsteadOfWrapping() {
        assertEquals(4_900_000_000L, Shapes.elements(70000, 70000));
        assertEquals(Long.MAX_VALUE, Shapes.elements(WRAPS_TO_ZERO));
        assertEquals(Long.MAX_VALUE, Shapes.elements(65536, 65536, 65536, 65536, 65536));
        // A zero axis empties the shape, whatever the others hold.
        assertEquals(0, Shapes.elements(65536, 65536, 65536, 65536, 0));
    }

    @Test
    void aShapeBeyondAnArrayIsRefusedWithItsCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.size(new int[] {70000, 70000}));
        assertEquals("shape (70000, 70000) has 4900000000 elements, more than a Java array holds", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Shapes.size(new int[] {Integer.MAX_VALUE}));
        assertEquals("shape (2147483647,) has 2147483647 elements, more than a Java array holds", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Shapes.size(WRAPS_TO_ZERO));
        assertEquals("shape (65536, 65536, 65536, 65536) has at least 9223372036854775807 elements, more than a"
                + " Java array holds", e.getMessage());
    }

    @Test
    void zerosOfAShapeThatWrapsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(WRAPS_TO_ZERO));
    }

    @Test
    void anEmptyTensorDoesNotReshapeToAShapeThatWraps() {
        Tensor empty = Tensor.zeros(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> empty.reshape(WRAPS_TO_ZERO));
        assertEquals("reshape: cannot reshape (0,) (0 elements) to (65536, 65536, 65536, 65536) (at least"
                + " 9223372036854775807 elements)", e.getMessage());
        // With a zero axis it stays empty, which is right.
        assertArrayEquals(new int[] {65536, 65536, 0}, empty.reshape(65536, 65536, -1).shape());
    }
}
