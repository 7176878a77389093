package dev.dlfs.loss.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Mean squared error, mean absolute error and Huber against naive float64 loops. */
class ElementwiseLossTest {
    private static final int[][] SHAPES = {{1, 1}, {4, 3}, {16, 10}, {7, 19}, {3, 2, 5}};

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void lossesAndGradientsMatchTheNaiveReference(DType dtype) {
        SplittableRandom rng = new SplittableRandom(11);
        for (int[] shape : SHAPES) {
            int n = size(shape);
            int rows = shape[0];
            Tensor y = Reference.tensor(dtype, Reference.gaussian(rng, n, 2), shape);
            Tensor t = Reference.tensor(dtype, Reference.gaussian(rng, n, 2), shape);
            double[] ys = Reference.values(y);
            double[] ts = Reference.values(t);
            double tol = tolerance(dtype);

            MeanSquaredError mse = new MeanSquaredError();
            double want = Reference.meanSquared(ys, ts, rows);
            assertEquals(want, mse.forward(y, t), tol * want);
            assertArrayEquals(Reference.differenceOverRows(ys, ts, rows), mse.backward().toDoubleArray(), tol);

            MeanAbsoluteError mae = new MeanAbsoluteError();
            want = Reference.meanAbsolute(ys, ts, rows);
            assertEquals(want, mae.forward(y, t), tol * want);
            double[] g = mae.backward().toDoubleArray();
            for (int i = 0; i < n; i++) {
                assertEquals(Math.signum(ys[i] - ts[i]) / rows, g[i], tol);
            }

            for (double delta : new double[] {0.5, 1.0, 2.5}) {
                Huber huber = new Huber(delta);
                want = Reference.huber(ys, ts, delta, rows);
                assertEquals(want, huber.forward(y, t), tol * want, "delta " + delta);
                g = huber.backward().toDoubleArray();
                for (int i = 0; i < n; i++) {
                    double d = ys[i] - ts[i];
                    assertEquals(Math.max(-delta, Math.min(delta, d)) / rows, g[i], tol);
                }
            }
        }
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        Tensor t = Tensor.zeros(DType.FLOAT64, 1);
        Huber huber = new Huber(1.0);
        assertEquals(0.125, huber.forward(Tensor.of(new double[] {0.5}), t));           // 0.5·0.5²
        assertEquals(0.5, huber.backward().getFlat(0));
        assertEquals(2.5, huber.forward(Tensor.of(new double[] {-3.0}), t));            // 1·(3 - 0.5)
        assertEquals(-1.0, huber.backward().getFlat(0));
        Huber wide = new Huber(2.0);
        assertEquals(4.0, wide.forward(Tensor.of(new double[] {3.0}), t));              // 2·(3 - 1)
        assertEquals(2.0, wide.backward().getFlat(0));
        assertEquals(2.0, wide.forward(Tensor.of(new double[] {2.0}), t));              // at δ both pieces agree
    }

    @Test
    void huberWithAWideDeltaIsTheSquaredError() {
        SplittableRandom rng = new SplittableRandom(12);
        Tensor y = Tensor.of(Reference.gaussian(rng, 30, 1), 5, 6);
        Tensor t = Tensor.of(Reference.gaussian(rng, 30, 1), 5, 6);
        assertEquals(new MeanSquaredError().forward(y, t), new Huber(1e6).forward(y, t), 1e-12);
    }

    @Test
    void absoluteErrorGradientIsZeroWhereThePredictionIsExact() {
        MeanAbsoluteError mae = new MeanAbsoluteError();
        assertEquals(2.0, mae.forward(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2),
                Tensor.of(new double[] {1, 3, 3, 1}, 2, 2)));
        assertArrayEquals(new double[] {0, -0.5, 0, 0.5}, mae.backward().toDoubleArray());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void classIndicesStandForOneHotRows(DType dtype) {
        SplittableRandom rng = new SplittableRandom(13);
        int rows = 9;
        int classes = 7;
        Tensor y = Reference.tensor(dtype, Reference.gaussian(rng, rows * classes, 1), rows, classes);
        int[] labels = Reference.labels(rng, rows, classes);
        Tensor oneHot = Reference.tensor(dtype, Reference.oneHot(labels, classes), rows, classes);
        Tensor indices = Reference.labelTensor(dtype, labels);
        for (ElementwiseLoss loss : new ElementwiseLoss[] {new MeanSquaredError(), new MeanAbsoluteError(),
            new Huber(0.7), new SigmoidWithLoss()}) {
            double a = loss.forward(y, oneHot);
            Tensor ga = loss.backward().copy();
            double b = loss.forward(y, indices);
            assertEquals(a, b, 0.0, loss.name());
            assertEquals(ga, loss.backward(), loss.name());
        }
    }

    @Test
    void theBatchIsAxisZeroAndA1DTensorIsOneSample() {
        Tensor y = Tensor.of(new double[] {1, 2, 3, 4});
        Tensor t = Tensor.zeros(DType.FLOAT64, 4);
        assertEquals(15.0, new MeanSquaredError().forward(y, t));                            // 0.5·(1+4+9+16)
        assertEquals(7.5, new MeanSquaredError().forward(y.reshape(2, 2), t.reshape(2, 2)));  // ÷ 2 samples
        assertEquals(7.5, new MeanSquaredError().forward(y.reshape(2, 2, 1), t.reshape(2, 2, 1)));
        assertEquals(3.75, new MeanSquaredError().forward(y.reshape(4, 1), t.reshape(4, 1)));
        assertEquals(2.0, new MeanSquaredError().forward(Tensor.scalar(DType.FLOAT64, 2),
                Tensor.scalar(DType.FLOAT64, 0)));
    }

    @Test
    void worksOnViewsWithAnOffset() {
        Tensor big = Tensor.of(new double[] {9, 9, 1, 2, 3, 4}, 3, 2);
        Tensor t = Tensor.of(new double[] {7, 7, 0, 0, 0, 0}, 3, 2);
        MeanSquaredError mse = new MeanSquaredError();
        assertEquals(7.5, mse.forward(big.rows(1, 3), t.rows(1, 3)));
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2}, mse.backward().toDoubleArray());
    }

    @Test
    void workspaceIsReusedAndBackwardNeedsForward() {
        MeanSquaredError mse = new MeanSquaredError();
        IllegalStateException e = assertThrows(IllegalStateException.class, mse::backward);
        assertEquals("mean-squared-error: backward() needs a successful forward() first", e.getMessage());
        mse.forward(Tensor.zeros(2, 3), Tensor.ones(2, 3));
        Tensor g = mse.backward();
        mse.forward(Tensor.ones(2, 3), Tensor.zeros(2, 3));
        assertSame(g, mse.backward());
        assertTrue(g.getFlat(0) > 0);
    }

    @Test
    void mismatchedTargetsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().forward(Tensor.zeros(4, 3), Tensor.zeros(3, 4)));
        assertEquals("mean-squared-error: prediction (4, 3) and target (3, 4) do not fit: the target must have the"
                + " prediction's shape (4, 3) or class indices of shape (4,)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Huber(1).forward(Tensor.zeros(4, 3), Tensor.zeros(DType.FLOAT64, 4, 3)));
        assertEquals("huber: prediction float32(4, 3) and target float64(4, 3) differ in dtype", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Huber(-1));
        assertEquals("huber: delta must be a positive number, found -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MeanAbsoluteError().forward(Tensor.zeros(0, 3), Tensor.zeros(0, 3)));
        assertEquals("mean-absolute-error: prediction float32(0, 3) is empty", e.getMessage());
    }
}
