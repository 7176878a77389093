package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    @Test
    void bookValues() {
        Tensor x = Tensor.of(new double[] {-1.0, 1.0, 2.0});
        assertArrayEquals(new double[] {0, 1, 1}, Activations.step(x).toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {0.26894142, 0.73105858, 0.88079708}, Activations.sigmoid(x).toDoubleArray(),
                5e-9);
        assertArrayEquals(new double[] {0, 1, 2}, Activations.relu(x).toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {0.01821127, 0.24519181, 0.73659691},
                Activations.softmax(Tensor.of(new double[] {0.3, 2.9, 4.0})).toDoubleArray(), 5e-9);
    }

    /** Every element of a 3-D tensor long enough for the vector loops and their tails, against Math. */
    private static void matchesScalar(UnaryOperator<Tensor> f, DoubleUnaryOperator reference) {
        Tensor x64 = Tensor.randn(new SplittableRandom(7), DType.FLOAT64, 3, 5, 7).mul(4.0);
        Tensor y64 = f.apply(x64);
        assertEquals(DType.FLOAT64, y64.dtype());
        assertArrayEquals(new int[] {3, 5, 7}, y64.shape());
        Tensor x32 = x64.to(DType.FLOAT32);
        Tensor y32 = f.apply(x32);
        assertEquals(DType.FLOAT32, y32.dtype());
        for (int i = 0; i < x64.size(); i++) {
            double want = reference.applyAsDouble(x64.getFlat(i));
            assertEquals(want, y64.getFlat(i), 1e-14 * Math.max(1, Math.abs(want)), "float64 at " + i);
            double want32 = reference.applyAsDouble(x32.getFlat(i));
            assertEquals(want32, y32.getFlat(i), 1e-6 * Math.max(1, Math.abs(want32)), "float32 at " + i);
        }
    }

    @Test
    void elementWiseFunctionsMatchTheirFormulas() {
        matchesScalar(Activations::sigmoid, v -> 1 / (1 + Math.exp(-v)));
        matchesScalar(Activations::tanh, Math::tanh);
        matchesScalar(Activations::relu, v -> v > 0 ? v : 0);
        matchesScalar(Activations::step, v -> v > 0 ? 1 : 0);
        matchesScalar(Activations::softplus, v -> Math.log(1 + Math.exp(v)));
        matchesScalar(Activations::identity, v -> v);
    }

    @Test
    void aValueDoesNotDependOnItsPositionInTheArray() {
        // Vector lanes and the scalar tail give the same bits, so a run never depends on array lengths.
        for (DType dtype : DType.values()) {
            Tensor x = Tensor.randn(new SplittableRandom(9), dtype, 37).mul(5.0);
            for (UnaryOperator<Tensor> f : List.<UnaryOperator<Tensor>>of(Activations::softplus, Activations::sigmoid,
                    Activations::tanh, Activations::relu)) {
                Tensor all = f.apply(x);
                for (int i = 0; i < x.size(); i++) {
                    Tensor one = f.apply(x.rows(i, i + 1));
                    assertEquals(Double.doubleToLongBits(all.getFlat(i)), Double.doubleToLongBits(one.getFlat(0)),
                            dtype + " element " + i);
                }
            }
        }
    }

    @Test
    void softplusAndSigmoidDoNotOverflow() {
        Tensor x = Tensor.of(new double[] {-800, 800, 40});
        assertArrayEquals(new double[] {0, 800, 40}, Activations.softplus(x).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 1}, Activations.sigmoid(x).toDoubleArray(), 1e-15);
    }

    @Test
    void softmaxIsStableAndWorksPerRow() {
        // The book's overflow example: naive exp(1010) is inf; subtracting the max gives finite values.
        Tensor big = Activations.softmax(Tensor.of(new double[] {1010, 1000, 990}));
        double e10 = Math.exp(-10);
        double e20 = Math.exp(-20);
        double z = 1 + e10 + e20;
        assertArrayEquals(new double[] {1 / z, e10 / z, e20 / z}, big.toDoubleArray(), 1e-15);

        Tensor batch = Tensor.randn(new SplittableRandom(3), DType.FLOAT64, 4, 19).mul(3.0);
        Tensor y = Activations.softmax(batch);
        for (int r = 0; r < 4; r++) {
            double[] row = batch.row(r).toDoubleArray();
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : row) {
                sum += Math.exp(v - max);
            }
            for (int j = 0; j < row.length; j++) {
                assertEquals(Math.exp(row[j] - max) / sum, y.get(r, j), 1e-15);
            }
        }
        Tensor y32 = Activations.softmax(batch.to(DType.FLOAT32));
        assertTrue(y32.to(DType.FLOAT64).maxAbsDiff(y) < 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Activations.softmax(Tensor.scalar(DType.FLOAT64, 1)));
    }

    @Test
    void viewsAreReadFromTheirOffset() {
        Tensor whole = Tensor.of(new double[] {-5, -4, 1, -2, 3, -9}, 3, 2);
        Tensor lastRows = whole.rows(1, 3);
        assertArrayEquals(new double[] {1, 0, 3, 0}, Activations.relu(lastRows).toDoubleArray(), 0.0);
    }
}
