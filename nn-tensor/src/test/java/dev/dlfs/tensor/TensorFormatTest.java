package dev.dlfs.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** toString prints like NumPy's repr, with "tensor" for "array". Expected strings are NumPy's output. */
class TensorFormatTest {
    @Test
    void matrixPrintsNestedAndAligned() {
        assertEquals("tensor([[1., 2.],\n        [3., 4.]], dtype=float32)",
                Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).toString());
    }

    @Test
    void decimalPointsLineUp() {
        assertEquals("tensor([ 1. ,  2.5, -3. ], dtype=float64)", Tensor.of(new double[] {1, 2.5, -3}).toString());
        assertEquals("tensor([0.01821127, 0.24519181, 0.73659691], dtype=float64)",
                Tensor.of(new double[] {0.01821127, 0.24519181, 0.73659691}).toString());
    }

    @Test
    void float32ShowsTheShortestDigitsThatIdentifyTheValue() {
        assertEquals("tensor([0.1, 0.2], dtype=float32)", Tensor.of(new float[] {0.1f, 0.2f}).toString());
        assertEquals("tensor(3.5, dtype=float32)", Tensor.scalar(DType.FLOAT32, 3.5).toString());
    }

    @Test
    void wideRangesSwitchToScientificNotation() {
        assertEquals("tensor([1.e-05, 1.e+00, 1.e+09], dtype=float64)",
                Tensor.of(new double[] {1e-5, 1, 1e9}).toString());
        assertEquals("tensor([1.5e-05, 2.0e+00], dtype=float64)", Tensor.of(new double[] {1.5e-5, 2}).toString());
    }

    @Test
    void nonFiniteValuesAndEmptyTensorsPrint() {
        assertEquals("tensor([ nan,  inf,  -1.], dtype=float64)",
                Tensor.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1}).toString());
        assertEquals("tensor([], dtype=float32)", Tensor.zeros(0).toString());
    }

    @Test
    void rank3BlocksAreSeparatedByBlankLines() {
        assertEquals("tensor([[[0., 1.],\n"
                + "         [2., 3.]],\n"
                + "\n"
                + "        [[4., 5.],\n"
                + "         [6., 7.]]], dtype=float32)", Tensor.arange(8).reshape(2, 2, 2).toString());
    }

    @Test
    void longRowsWrapAt75CharactersUnderTheFirstElement() {
        String s = Tensor.arange(DType.FLOAT64, 0, 40, 1).toString();
        String[] lines = s.split("\n");
        assertTrue(lines.length > 2, s);
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].length() <= 75 || i == lines.length - 1, s);
            assertTrue(i == 0 ? lines[i].startsWith("tensor([ 0.,") : lines[i].startsWith("        "), s);
            numbers.append(lines[i].replace("dtype=float64", "").replaceAll("[^0-9,]", ""));
        }
        StringBuilder expected = new StringBuilder();
        for (int k = 0; k < 40; k++) {
            expected.append(k).append(k < 39 ? "," : "");
        }
        assertEquals(expected.toString(), numbers.toString().replace(",,", ",").replaceAll(",$", ""));
        assertTrue(s.endsWith("39.], dtype=float64)"), s);
    }

    @Test
    void bigTensorsAreSummarisedAtTheEdges() {
        String s = Tensor.arange(DType.FLOAT64, 0, 600 * 784, 1).reshape(600, 784).divInPlace(1e6).toString();
        assertTrue(s.startsWith("tensor([[0.00000e+00, 1.00000e-06, 2.00000e-06, ..., 7.81000e-04,\n"
                + "         7.82000e-04, 7.83000e-04],\n"), s);
        assertTrue(s.contains("],\n        ...,\n        [4.68048e-01,"), s);
        assertTrue(s.endsWith(" 4.70398e-01, 4.70399e-01]], dtype=float64)"), s);
        assertEquals(13, s.split("\n").length, s);
    }
}
