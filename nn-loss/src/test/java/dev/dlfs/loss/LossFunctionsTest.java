package dev.dlfs.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.loss.kernels.Reference;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The book's chapter 4 numbers, for both dtypes and both kinds of target. */
class LossFunctionsTest {
    private static final double[] SURE_OF_TWO = {0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0};
    private static final double[] SURE_OF_SEVEN = {0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0};
    private static final double[] TWO = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0};

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-6 : 1e-9;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theBooksMeanSquaredErrorExamples(DType dtype) {
        Tensor index = Tensor.scalar(dtype, 2);
        Tensor oneHot = Reference.tensor(dtype, TWO);
        Tensor y1 = Reference.tensor(dtype, SURE_OF_TWO);
        Tensor y2 = Reference.tensor(dtype, SURE_OF_SEVEN);
        assertEquals(0.0975, LossFunctions.meanSquaredError(y1, oneHot), tolerance(dtype));
        assertEquals(0.0975, LossFunctions.meanSquaredError(y1, index), tolerance(dtype));
        assertEquals(0.5975, LossFunctions.meanSquaredError(y2, oneHot), tolerance(dtype));
        assertEquals(0.5975, LossFunctions.meanSquaredError(y2, index), tolerance(dtype));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theBooksCrossEntropyExamples(DType dtype) {
        Tensor index = Tensor.of(new float[] {2});
        Tensor oneHot = Reference.tensor(dtype, TWO);
        Tensor y1 = Reference.tensor(dtype, SURE_OF_TWO);
        Tensor y2 = Reference.tensor(dtype, SURE_OF_SEVEN);
        assertEquals(0.510825457, LossFunctions.crossEntropyError(y1, oneHot), tolerance(dtype));
        assertEquals(0.510825457, LossFunctions.crossEntropyError(y1, index), tolerance(dtype));
        assertEquals(2.302584, LossFunctions.crossEntropyError(y2, oneHot), 1e-6);
        assertEquals(2.302584, LossFunctions.crossEntropyError(y2, index), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aMiniBatchAveragesItsSamples(DType dtype) {
        double[] both = new double[20];
        System.arraycopy(SURE_OF_TWO, 0, both, 0, 10);
        System.arraycopy(SURE_OF_SEVEN, 0, both, 10, 10);
        Tensor y = Reference.tensor(dtype, both, 2, 10);
        Tensor labels = Reference.tensor(dtype, new double[] {2, 2}, 2);
        assertEquals((0.510825457 + 2.302584) / 2, LossFunctions.crossEntropyError(y, labels), 1e-6);
        assertEquals((0.0975 + 0.5975) / 2, LossFunctions.meanSquaredError(y, labels), tolerance(dtype));
    }

    @Test
    void theGuardKeepsCrossEntropyFiniteAtZeroProbability() {
        Tensor y = Tensor.of(new double[] {1, 0});
        assertEquals(-Math.log(1e-7), LossFunctions.crossEntropyError(y, Tensor.scalar(DType.FLOAT64, 1)), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void absoluteHuberAndRmseMatchNaiveLoops(DType dtype) {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor y = Reference.tensor(dtype, Reference.gaussian(rng, 60, 2), 6, 10);
        Tensor t = Reference.tensor(dtype, Reference.gaussian(rng, 60, 2), 6, 10);
        double[] ys = Reference.values(y);
        double[] ts = Reference.values(t);
        double squares = 0;
        for (int i = 0; i < ys.length; i++) {
            squares += (ys[i] - ts[i]) * (ys[i] - ts[i]);
        }
        double tol = dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
        assertEquals(Math.sqrt(squares / 60), LossFunctions.rmse(y, t), tol);
        double mae = Reference.meanAbsolute(ys, ts, 6);
        assertEquals(mae, LossFunctions.meanAbsoluteError(y, t), tol * mae);
        double huber = Reference.huber(ys, ts, 1.5, 6);
        assertEquals(huber, LossFunctions.huber(y, t, 1.5), tol * huber);
    }

    @Test
    void rmseOfAKnownVector() {
        // errors 1, -1, 3, -3: mean square 5
        assertEquals(Math.sqrt(5), LossFunctions.rmse(Tensor.of(new double[] {1, 0, 3, 0}, 2, 2),
                Tensor.of(new double[] {0, 1, 0, 3}, 2, 2)), 1e-15);
    }

    @Test
    void crossEntropyErrorsNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossFunctions.crossEntropyError(Tensor.zeros(3, 10), Tensor.of(new float[] {0, 10, 1})));
        assertEquals("cross-entropy: label 10 at row 1 is outside [0, 10)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossFunctions.crossEntropyError(Tensor.zeros(3, 10), Tensor.zeros(10)));
        assertTrue(e.getMessage().startsWith("cross-entropy: prediction (3, 10) and target (10,) do not fit"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossFunctions.huber(Tensor.zeros(1), Tensor.zeros(1), 0));
        assertTrue(e.getMessage().contains("delta must be a positive number"), e.getMessage());
    }
}
