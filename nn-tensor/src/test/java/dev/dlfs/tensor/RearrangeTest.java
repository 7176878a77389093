package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** transpose, permute, gatherRows and matmul's delegation, against index-by-index references. */
class RearrangeTest {
    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("matrixSizes")
    void transposeSwapsRowsAndColumns(DType dtype, int rows, int cols) {
        Tensor a = Reference.random(new Random(rows * 100 + cols), dtype, -1, 1, rows, cols);
        Tensor t = a.transpose();
        assertArrayEquals(new int[] {cols, rows}, t.shape());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(a.get(i, j), t.get(j, i), 0);
            }
        }
    }

    static Stream<Arguments> matrixSizes() {
        return Stream.of(DType.values()).flatMap(d -> Stream.of(
                Arguments.of(d, 1, 1), Arguments.of(d, 3, 17), Arguments.of(d, 33, 16), Arguments.of(d, 0, 4)));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void permuteReordersAxesOfRank3And4(DType dtype) {
        int[] shape = {2, 3, 4, 5};
        Tensor a = Reference.random(new Random(4), dtype, -1, 1, shape);
        int[] axes = {2, 0, 3, 1};
        Tensor p = a.permute(axes);
        assertArrayEquals(new int[] {4, 2, 5, 3}, p.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    for (int l = 0; l < 5; l++) {
                        assertEquals(a.get(i, j, k, l), p.get(k, i, l, j), 0);
                    }
                }
            }
        }
        Tensor b = Reference.random(new Random(5), dtype, -1, 1, 3, 1, 7);
        Tensor q = b.permute(-1, 0, 1);
        assertArrayEquals(new int[] {7, 3, 1}, q.shape());
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 7; k++) {
                assertEquals(b.get(i, 0, k), q.get(k, i, 0), 0);
            }
        }
        assertEquals(a, a.permute(0, 1, 2, 3), "the identity permutation copies");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gatherRowsCopiesTheChosenRowsInOrder(DType dtype) {
        Tensor x = Reference.random(new Random(6), dtype, -1, 1, 10, 2, 3);
        int[] idx = {7, 0, 7, 9};
        Tensor batch = x.gatherRows(idx);
        assertArrayEquals(new int[] {4, 2, 3}, batch.shape());
        for (int r = 0; r < idx.length; r++) {
            assertEquals(x.row(idx[r]), batch.row(r).copy());
        }
        Tensor out = Tensor.zeros(dtype, 4, 2, 3);
        assertSame(out, x.gatherRows(idx, out));
        assertEquals(batch, out);
        assertArrayEquals(new int[] {0, 2, 3}, x.gatherRows(new int[0]).shape());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void largeGathersSplitOverThreadsCopyTheSameRowsFromViews(DType dtype) {
        int saved = Parallelism.threads();
        try {
            Tensor all = Reference.random(new Random(9), dtype, -1, 1, 301, 5, 40);
            Tensor x = all.rows(1, 301);  // a view that starts past the array's first row
            int[] idx = new int[250];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = (i * 37 + 11) % 300;
            }
            Tensor expected = Tensor.zeros(dtype, 250, 5, 40);
            for (int r = 0; r < idx.length; r++) {
                for (int j = 0; j < 200; j++) {
                    expected.set(x.getFlat(idx[r] * 200 + j), r, j / 40, j % 40);
                }
            }
            for (int threads = 1; threads <= 3; threads++) {
                Parallelism.setThreads(threads);
                Tensor into = Tensor.zeros(dtype, 251, 5, 40).rows(1, 251);
                x.gatherRows(idx, into);
                assertEquals(expected, into, threads + " threads");
            }
        } finally {
            Parallelism.setThreads(saved);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void matmulComputesTheMatrixProduct(DType dtype) {
        Random rng = new Random(8);
        Tensor a = Reference.random(rng, dtype, -1, 1, 5, 17);
        Tensor b = Reference.random(rng, dtype, -1, 1, 17, 3);
        double[] expected = new double[15];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 17; k++) {
                    expected[i * 3 + j] += a.get(i, k) * b.get(k, j);
                }
            }
        }
        Tensor c = a.matmul(b);
        Reference.assertClose(expected, new int[] {5, 3}, c, Reference.rtol(dtype) * 20, Reference.rtol(dtype) * 20,
                "matmul");
        Tensor out = Tensor.zeros(dtype, 5, 3);
        assertSame(out, a.matmul(b, out));
        assertEquals(c, out);
    }
}
