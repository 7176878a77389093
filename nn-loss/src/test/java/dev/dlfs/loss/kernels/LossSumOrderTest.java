package dev.dlfs.loss.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.DoubleSum;
import dev.dlfs.tensor.simd.FloatMath;
import dev.dlfs.tensor.simd.FloatSum;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The softmax (nn-tensor's, which softmax-with-loss uses) divides each row by its sum in {@link FloatSum}'s order,
 * and each element-wise loss sums exactly its per-element terms, computed here one element at a time, in
 * {@link FloatSum}'s or {@link DoubleSum}'s fixed order: so the loss has the same bits whether an element falls in a
 * vector lane or in the tail, at any vector width. Lengths straddle the vector widths and the 16-element blocks.
 */
class LossSumOrderTest {
    private static final int[] LENGTHS = {1, 3, 15, 16, 17, 33, 100, 1000};

    interface FloatTerm {
        float of(float y, float t);
    }

    /** The float32 terms as the kernels document them. */
    private static float mse(float y, float t) {
        float d = y - t;
        return d * d * 0.5f;
    }

    private static float huber(float y, float t) {
        float d = y - t;
        float a = Math.abs(d);
        return a <= 0.5f ? d * d * 0.5f : a * 0.5f - 0.125f;
    }

    private static float sigmoidCrossEntropy(float x, float t) {
        return Math.max(x, 0f) - x * t + FloatMath.log1p(FloatMath.exp(-Math.abs(x)));
    }

    private static double sigmoidCrossEntropy(double x, double t) {
        return Math.max(x, 0.0) - x * t + DoubleMath.log1p(DoubleMath.exp(-Math.abs(x)));
    }

    private static void check(ElementwiseLoss loss, FloatTerm f, DoubleBinaryOperator d, boolean probabilities) {
        for (int n : LENGTHS) {
            SplittableRandom rng = new SplittableRandom(n);
            double[] y = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextGaussian() * 3;
                t[i] = probabilities ? rng.nextDouble() : rng.nextGaussian() * 3;
            }
            float[] yf = new float[n];
            float[] tf = new float[n];
            float[] ef = new float[n];
            double[] ed = new double[n];
            for (int i = 0; i < n; i++) {
                yf[i] = (float) y[i];
                tf[i] = (float) t[i];
                ef[i] = f.of(yf[i], tf[i]);
                ed[i] = d.applyAsDouble(y[i], t[i]);
            }
            double gotF = loss.sum(Tensor.of(yf, n), Tensor.of(tf, n));
            assertEquals(Double.doubleToRawLongBits(FloatSum.of(ef, 0, n)), Double.doubleToRawLongBits(gotF),
                    loss.name() + " float32, length " + n);
            double gotD = loss.sum(Tensor.of(y, n), Tensor.of(t, n));
            assertEquals(Double.doubleToRawLongBits(DoubleSum.of(ed, 0, n)), Double.doubleToRawLongBits(gotD),
                    loss.name() + " float64, length " + n);
        }
    }

    @Test
    void lossesSumTheirScalarTermsInTheFixedOrder() {
        for (int round = 0; round < 150; round++) {   // the last rounds run compiled vector loops
            check(new MeanSquaredError(), LossSumOrderTest::mse, (y, t) -> (y - t) * (y - t) * 0.5, false);
            check(new MeanAbsoluteError(), (y, t) -> Math.abs(y - t), (y, t) -> Math.abs(y - t), false);
            check(new Huber(0.5), LossSumOrderTest::huber,
                    (y, t) -> Math.abs(y - t) <= 0.5 ? (y - t) * (y - t) * 0.5 : Math.abs(y - t) * 0.5 - 0.125, false);
            check(new SigmoidWithLoss(), LossSumOrderTest::sigmoidCrossEntropy,
                    LossSumOrderTest::sigmoidCrossEntropy, true);
        }
    }

    @Test
    void softmaxDividesByTheFixedOrderSumOfItsRow() {
        for (int classes : new int[] {3, 10, 17, 100}) {
            int rows = 5;
            SplittableRandom rng = new SplittableRandom(classes);
            float[] x = new float[rows * classes];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (rng.nextGaussian() * 4);
            }
            Tensor out = Tensor.zeros(DType.FLOAT32, rows, classes);
            Tensor.of(x, rows, classes).softmax(out);
            for (int r = 0; r < rows; r++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    max = Math.max(max, x[r * classes + j]);
                }
                float[] e = new float[classes];
                for (int j = 0; j < classes; j++) {
                    e[j] = FloatMath.exp(x[r * classes + j] - max);
                }
                float sum = (float) FloatSum.of(e, 0, classes);
                for (int j = 0; j < classes; j++) {
                    assertEquals(Float.floatToRawIntBits(e[j] / sum),
                            Float.floatToRawIntBits((float) out.getFlat(r * classes + j)),
                            classes + " classes, row " + r + ", column " + j);
                }
            }
        }
    }
}
