package dev.dlfs.loss.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.loss.kernels.Reference;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SoftmaxWithLossTest {
    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void softmaxOfTheBooksExample(DType dtype) {
        Tensor p = new SoftmaxWithLoss().output(Reference.tensor(dtype, new double[] {0.3, 2.9, 4.0}));
        assertEquals(dtype, p.dtype());
        // the book prints 8 decimals; float32 holds about 7 significant digits
        assertArrayEquals(new double[] {0.01821127, 0.24519181, 0.73659691}, p.toDoubleArray(),
                dtype == DType.FLOAT32 ? 5e-8 : 5e-9);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void softmaxOfHugeScoresIsFiniteAndSumsToOne(DType dtype) {
        Tensor p = new SoftmaxWithLoss().output(Reference.tensor(dtype, new double[] {1010, 1000, 990}));
        double[] v = p.toDoubleArray();
        double sum = 0;
        for (double x : v) {
            assertTrue(Double.isFinite(x));
            sum += x;
        }
        assertEquals(1.0, sum, 1e-6);
        assertArrayEquals(Reference.softmax(new double[] {1010, 1000, 990}, 3), v, 1e-7);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void lossAndGradientMatchTheNaiveReferenceForIndexAndOneHotTargets(DType dtype) {
        SplittableRandom rng = new SplittableRandom(7);
        for (int[] shape : new int[][] {{1, 1}, {3, 10}, {64, 10}, {5, 37}, {2, 130}}) {
            int rows = shape[0];
            int classes = shape[1];
            Tensor x = Reference.tensor(dtype, Reference.gaussian(rng, rows * classes, 3), rows, classes);
            int[] labels = Reference.labels(rng, rows, classes);
            double[] xs = Reference.values(x);
            double[] t = Reference.oneHot(labels, classes);
            double[] p = Reference.softmax(xs, classes);
            double want = Reference.crossEntropy(p, t, rows);
            double[] wantGrad = Reference.differenceOverRows(p, t, rows);

            SoftmaxWithLoss byIndex = new SoftmaxWithLoss();
            double l1 = byIndex.forward(x, Reference.labelTensor(dtype, labels));
            assertEquals(want, l1, tolerance(dtype) * Math.max(1, want), "index targets " + rows + "x" + classes);
            Tensor g1 = byIndex.backward();
            assertEquals(dtype, g1.dtype());
            assertArrayEquals(x.shape(), g1.shape());
            assertArrayEquals(wantGrad, g1.toDoubleArray(), tolerance(dtype) / rows);

            SoftmaxWithLoss byOneHot = new SoftmaxWithLoss();
            double l2 = byOneHot.forward(x, Reference.tensor(dtype, t, rows, classes));
            assertEquals(l1, l2, 1e-12 * Math.max(1, l1), "one-hot and index targets agree");
            assertArrayEquals(g1.toDoubleArray(), byOneHot.backward().toDoubleArray(), 0.0);
        }
    }

    @Test
    void indexTargetsMayBeFloat32ForFloat64Scores() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        double a = new SoftmaxWithLoss().forward(x, Tensor.of(new float[] {0, 2}));
        double b = new SoftmaxWithLoss().forward(x, Tensor.of(new double[] {0, 2}));
        assertEquals(a, b);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void oneSampleAsA1DVectorIsABatchOfOne(DType dtype) {
        double[] scores = {0.3, 2.9, 4.0};
        SoftmaxWithLoss loss = new SoftmaxWithLoss();
        double l = loss.forward(Reference.tensor(dtype, scores), Tensor.scalar(dtype, 1));
        double want = -Math.log(Reference.softmax(scores, 3)[1] + 1e-7);
        assertEquals(want, l, 1e-6);
        assertArrayEquals(new int[] {3}, loss.backward().shape());
        double l2 = loss.forward(Reference.tensor(dtype, scores), Reference.tensor(dtype, new double[] {0, 1, 0}));
        assertEquals(l, l2, 1e-12);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void hugeScoresGiveAFiniteLossAndGradient(DType dtype) {
        Tensor x = Reference.tensor(dtype, new double[] {1010, 1000, 990, -5000, 0, 5000}, 2, 3);
        SoftmaxWithLoss loss = new SoftmaxWithLoss();
        double l = loss.forward(x, Tensor.of(new double[] {1, 2}));
        // row 0: -log(p1 + 1e-7) with p1 = e^-10 / (1 + e^-10 + e^-20); row 1: p2 = 1.
        double p1 = Math.exp(-10) / (1 + Math.exp(-10) + Math.exp(-20));
        assertEquals((-Math.log(p1 + 1e-7) - Math.log(1 + 1e-7)) / 2, l, 1e-6);
        for (double g : loss.backward().toDoubleArray()) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void workspacesAreReusedWhileTheShapeStaysTheSame() {
        SoftmaxWithLoss loss = new SoftmaxWithLoss();
        Tensor labels = Tensor.of(new float[] {1, 0});
        loss.forward(Tensor.zeros(2, 4), labels);
        Tensor first = loss.backward();
        loss.forward(Tensor.ones(2, 4), labels);
        assertSame(first, loss.backward());
        loss.forward(Tensor.zeros(3, 4), Tensor.of(new float[] {1, 0, 3}));
        assertArrayEquals(new int[] {3, 4}, loss.backward().shape());
    }

    @Test
    void mismatchedTargetShapeIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(100, 10), Tensor.zeros(100, 9)));
        assertEquals("softmax-with-loss: prediction (100, 10) and target (100, 9) do not fit: the target must have"
                + " the prediction's shape (100, 10) or class indices of shape (100,)", e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesRowAndRange() {
        float[] labels = new float[5];
        labels[3] = 12;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(5, 10), Tensor.of(labels)));
        assertEquals("softmax-with-loss: label 12 at row 3 is outside [0, 10)", e.getMessage());
        labels[3] = 1.5f;
        e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(5, 10), Tensor.of(labels)));
        assertEquals("softmax-with-loss: label 1.5 at row 3 is not a whole number", e.getMessage());
        labels[3] = -1;
        e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(5, 10), Tensor.of(labels)));
        assertEquals("softmax-with-loss: label -1 at row 3 is outside [0, 10)", e.getMessage());
    }

    @Test
    void oneHotRowsMustSumToOneAndMatchTheDtype() {
        Tensor t = Tensor.zeros(2, 3);
        t.set(1, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(2, 3), t));
        assertTrue(e.getMessage().startsWith("softmax-with-loss: target row 1 sums to 0.0, not 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(DType.FLOAT64, 2, 3), Tensor.zeros(2, 3)));
        assertEquals("softmax-with-loss: prediction float64(2, 3) and target float32(2, 3) differ in dtype",
                e.getMessage());
    }

    @Test
    void backwardBeforeForwardOrAfterAFailedForwardIsAnError() {
        SoftmaxWithLoss loss = new SoftmaxWithLoss();
        assertThrows(IllegalStateException.class, loss::backward);
        loss.forward(Tensor.zeros(1, 2), Tensor.of(new float[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> loss.forward(Tensor.zeros(1, 2), Tensor.of(new float[] {7})));
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("softmax-with-loss: backward() needs a successful forward() first", e.getMessage());
        loss.forward(Tensor.zeros(1, 2), Tensor.of(new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> loss.forward(Tensor.zeros(1, 2), Tensor.zeros(1, 3)));
        assertThrows(IllegalStateException.class, loss::backward);
    }

    @Test
    void emptyOrScalarPredictionsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(0, 10), Tensor.zeros(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.scalar(DType.FLOAT32, 1), Tensor.scalar(DType.FLOAT32, 0)));
        assertEquals("softmax-with-loss: prediction float32() has no class axis", e.getMessage());
    }
}
