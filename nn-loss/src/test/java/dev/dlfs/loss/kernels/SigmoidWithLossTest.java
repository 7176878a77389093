package dev.dlfs.loss.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigmoidWithLossTest {
    @ParameterizedTest
    @EnumSource(DType.class)
    void lossAndGradientMatchTheTextbookFormula(DType dtype) {
        SplittableRandom rng = new SplittableRandom(21);
        double tol = dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
        for (int[] shape : new int[][] {{1, 1}, {8, 1}, {6, 5}, {3, 33}}) {
            int n = shape[0] * shape[1];
            Tensor x = Reference.tensor(dtype, Reference.gaussian(rng, n, 3), shape);
            double[] tv = new double[n];
            for (int i = 0; i < n; i++) {
                tv[i] = i % 3 == 0 ? rng.nextDouble() : rng.nextInt(2);
            }
            Tensor t = Reference.tensor(dtype, tv, shape);
            double[] xs = Reference.values(x);
            double[] ts = Reference.values(t);
            SigmoidWithLoss loss = new SigmoidWithLoss();
            double want = Reference.binaryCrossEntropy(xs, ts, shape[0]);
            assertEquals(want, loss.forward(x, t), tol * want);
            assertArrayEquals(Reference.differenceOverRows(Reference.sigmoid(xs), ts, shape[0]),
                    loss.backward().toDoubleArray(), tol);
            assertArrayEquals(Reference.sigmoid(xs), loss.output(x).toDoubleArray(), tol);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void hugeScoresStayFinite(DType dtype) {
        Tensor x = Reference.tensor(dtype, new double[] {1000, -1000, 1000, -1000, 0}, 5, 1);
        Tensor t = Reference.tensor(dtype, new double[] {1, 0, 0, 1, 1}, 5, 1);
        SigmoidWithLoss loss = new SigmoidWithLoss();
        // confident and right: 0; confident and wrong: 1000 each; undecided: log 2.
        assertEquals((2000 + Math.log(2)) / 5, loss.forward(x, t), 1e-4);
        assertArrayEquals(new double[] {0, 0, 0.2, -0.2, -0.1}, loss.backward().toDoubleArray(), 1e-7);
        assertArrayEquals(new double[] {1, 0, 1, 0, 0.5}, loss.output(x).toDoubleArray(), 1e-7);
    }

    @Test
    void oneLabelPerSampleFitsASingleOutput() {
        Tensor x = Tensor.of(new double[] {0.5, -1, 2}, 3, 1);
        SigmoidWithLoss a = new SigmoidWithLoss();
        SigmoidWithLoss b = new SigmoidWithLoss();
        double la = a.forward(x, Tensor.of(new double[] {1, 0, 1}, 3, 1));
        double lb = b.forward(x, Tensor.of(new float[] {1, 0, 1}));
        assertEquals(la, lb);
        assertEquals(a.backward(), b.backward());
    }

    @Test
    void targetsOutsideZeroToOneAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SigmoidWithLoss().forward(Tensor.zeros(2, 2), Tensor.of(new float[] {0, 1, 2, 0}, 2, 2)));
        assertEquals("sigmoid-with-loss: target 2.0 at flat index 2 is outside [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SigmoidWithLoss().forward(Tensor.zeros(2, 1), Tensor.of(new float[] {0, -1})));
        assertTrue(e.getMessage().contains("outside [0, 1]"), e.getMessage());
    }
}
