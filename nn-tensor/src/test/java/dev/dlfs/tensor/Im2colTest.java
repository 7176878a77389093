package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Im2col} against the definition written out element by element, and col2im as its exact adjoint. */
class Im2colTest {
    /** {N, C, H, W, FH, FW, stride, pad}. */
    private static final int[][] CASES = {
        {1, 3, 7, 7, 5, 5, 1, 0}, {2, 3, 7, 7, 3, 3, 1, 1}, {2, 2, 6, 5, 3, 2, 2, 1}, {1, 1, 5, 5, 2, 2, 2, 0},
        {3, 2, 8, 8, 3, 3, 3, 2}, {1, 4, 4, 4, 1, 1, 1, 0}, {2, 1, 9, 6, 4, 3, 2, 3}, {1, 2, 3, 3, 3, 3, 1, 2},
    };

    /** The value im2col must put at (row, col): the book's definition, with zero outside the image. */
    private static double expected(Tensor x, int row, int col, int fh, int fw, int stride, int pad) {
        int[] s = x.shape();
        int oh = (s[2] + 2 * pad - fh) / stride + 1;
        int ow = (s[3] + 2 * pad - fw) / stride + 1;
        int n = row / (oh * ow);
        int oy = row / ow % oh;
        int ox = row % ow;
        int c = col / (fh * fw);
        int ky = col / fw % fh;
        int kx = col % fw;
        int y = oy * stride + ky - pad;
        int xx = ox * stride + kx - pad;
        return y < 0 || y >= s[2] || xx < 0 || xx >= s[3] ? 0 : x.get(n, c, y, xx);
    }

    @Test
    void im2colMatchesTheDefinitionForStridesAndPads() {
        Random rng = new Random(1);
        for (DType dtype : DType.values()) {
            for (int[] t : CASES) {
                Tensor x = Tensor.randn(rng, dtype, t[0], t[1], t[2], t[3]);
                Tensor col = Im2col.im2col(x, t[4], t[5], t[6], t[7]);
                int oh = Im2col.outputSize(t[2], t[4], t[6], t[7]);
                int ow = Im2col.outputSize(t[3], t[5], t[6], t[7]);
                assertArrayEquals(new int[] {t[0] * oh * ow, t[1] * t[4] * t[5]}, col.shape());
                assertEquals(dtype, col.dtype());
                for (int r = 0; r < col.dim(0); r++) {
                    for (int c = 0; c < col.dim(1); c++) {
                        assertEquals(expected(x, r, c, t[4], t[5], t[6], t[7]), col.get(r, c),
                                "case " + java.util.Arrays.toString(t) + " at (" + r + ", " + c + ")");
                    }
                }
            }
        }
    }

    @Test
    void bookShapes() {
        // The book's examples: a 7×7 RGB image and a 5×5 filter give 9 windows of 75 values.
        assertArrayEquals(new int[] {9, 75}, Im2col.im2col(Tensor.zeros(1, 3, 7, 7), 5, 5, 1, 0).shape());
        assertArrayEquals(new int[] {90, 75}, Im2col.im2col(Tensor.zeros(10, 3, 7, 7), 5, 5, 1, 0).shape());
        // SimpleConvNet's first layer on MNIST: 24×24 windows of 5×5 per image.
        assertArrayEquals(new int[] {2 * 576, 25}, Im2col.im2col(Tensor.zeros(2, 1, 28, 28), 5, 5, 1, 0).shape());
    }

    @Test
    void outFormOverwritesGarbageIncludingThePadding() {
        Random rng = new Random(2);
        Tensor x = Tensor.randn(rng, DType.FLOAT32, 2, 3, 5, 5);
        Tensor fresh = Im2col.im2col(x, 3, 3, 2, 1);
        Tensor out = Tensor.full(DType.FLOAT32, Double.NaN, fresh.shape());
        assertSame(out, Im2col.im2col(x, 3, 3, 2, 1, out));
        assertEquals(fresh, out);

        Tensor cols = Tensor.randn(rng, DType.FLOAT32, fresh.shape());
        Tensor img = Tensor.full(DType.FLOAT32, 7, 2, 3, 5, 5);
        assertSame(img, Im2col.col2im(cols, 3, 3, 2, 1, img));
        assertEquals(Im2col.col2im(cols, new int[] {2, 3, 5, 5}, 3, 3, 2, 1), img);
    }

    @Test
    void col2imAccumulatesOverlappingWindows() {
        // All-ones columns: each pixel receives one count per window (and filter position) that covers it.
        int[] shape = {1, 1, 4, 4};
        Tensor ones = Tensor.ones(DType.FLOAT64, 9, 4); // 3×3 windows of 2×2, stride 1
        Tensor img = Im2col.col2im(ones, shape, 2, 2, 1, 0);
        double[][] counts = {{1, 2, 2, 1}, {2, 4, 4, 2}, {2, 4, 4, 2}, {1, 2, 2, 1}};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(counts[y][x], img.get(0, 0, y, x), "pixel (" + y + ", " + x + ")");
            }
        }
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        Random rng = new Random(3);
        for (int[] t : CASES) {
            Tensor x = Tensor.randn(rng, DType.FLOAT64, t[0], t[1], t[2], t[3]);
            Tensor col = Im2col.im2col(x, t[4], t[5], t[6], t[7]);
            Tensor y = Tensor.randn(rng, DType.FLOAT64, col.shape());
            Tensor back = Im2col.col2im(y, x.shape(), t[4], t[5], t[6], t[7]);
            double left = 0;
            double scale = 0;
            for (int i = 0; i < col.size(); i++) {
                left += col.getFlat(i) * y.getFlat(i);
                scale += Math.abs(col.getFlat(i) * y.getFlat(i));
            }
            double right = 0;
            for (int i = 0; i < x.size(); i++) {
                right += x.getFlat(i) * back.getFlat(i);
            }
            assertEquals(left, right, 1e-12 * scale + 1e-300, "case " + java.util.Arrays.toString(t));
        }
    }

    @Test
    void resultsAreBitwiseTheSameForAnyThreadCount() {
        int saved = Parallelism.threads();
        Random rng = new Random(4);
        try {
            for (DType dtype : DType.values()) {
                Tensor x = Tensor.randn(rng, dtype, 16, 3, 12, 12); // big enough to be split over images
                Tensor y = Tensor.randn(rng, dtype, 16 * 12 * 12, 27);
                Tensor col1 = null;
                Tensor img1 = null;
                for (int threads : new int[] {1, 2, 3}) {
                    Parallelism.setThreads(threads);
                    Tensor col = Im2col.im2col(x, 3, 3, 1, 1);
                    Tensor img = Im2col.col2im(y, x.shape(), 3, 3, 1, 1);
                    if (col1 == null) {
                        col1 = col;
                        img1 = img;
                    } else {
                        assertEquals(col1, col, dtype + " im2col with " + threads + " threads");
                        assertEquals(img1, img, dtype + " col2im with " + threads + " threads");
                    }
                }
                for (int r = 0; r < col1.dim(0); r += 97) {
                    for (int c = 0; c < 27; c++) {
                        assertEquals(expected(x, r, c, 3, 3, 1, 1), col1.get(r, c));
                    }
                }
            }
        } finally {
            Parallelism.setThreads(saved);
        }
    }

    @Test
    void badArgumentsAreReportedWithShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.im2col(Tensor.zeros(3, 7, 7), 3, 3, 1, 0));
        assertEquals("im2col: input must be 4-D (N, C, H, W), got shape (3, 7, 7)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Im2col.im2col(Tensor.zeros(1, 1, 4, 4), 7, 3, 1, 1));
        assertEquals("im2col: a filter of 7 does not fit an input of 4 with pad 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Im2col.im2col(Tensor.zeros(1, 1, 4, 4), 3, 3, 0, 0));
        assertEquals("im2col: filter 3, stride 0, pad 0: filter and stride must be at least 1 and pad at least 0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.im2col(Tensor.zeros(1, 1, 4, 4), 3, 3, 1, 0, Tensor.zeros(4, 8)));
        assertEquals("im2col: out has shape (4, 8), expected (4, 9)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.im2col(Tensor.zeros(1, 1, 4, 4), 3, 3, 1, 0, Tensor.zeros(DType.FLOAT64, 4, 9)));
        assertEquals("im2col: out is float64 but the data is float32", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.col2im(Tensor.zeros(5, 9), new int[] {1, 1, 4, 4}, 3, 3, 1, 0));
        assertEquals("col2im: col has shape (5, 9), expected (4, 9)", e.getMessage());
    }

    @Test
    void hugePadsAreRefusedNotWrapped() {
        // 2·pad wrapped an int to -2 here, which gave 24 windows as if there were no pad at all.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.outputSize(28, 3, 1, Integer.MAX_VALUE));
        assertEquals("im2col: an input of 28 with pad 2147483647 and stride 1 gives 4294967320 windows along one"
                + " axis, more than a Java array holds", e.getMessage());
        assertEquals(1 << 30, Im2col.outputSize(1, 2, 2, 1 << 30));
        // (2^30 + 2)² windows of 4 images, 9 values each: 2^65 elements, which wrapped a long.
        e = assertThrows(IllegalArgumentException.class,
                () -> Im2col.im2col(Tensor.zeros(4, 1, 4, 4), 3, 3, 1, 1 << 29));
        assertEquals("im2col: input (4, 1, 4, 4) with a 3×3 filter needs 4611686035607257104×9 elements, more than"
                + " a Java array holds", e.getMessage());
    }
}
