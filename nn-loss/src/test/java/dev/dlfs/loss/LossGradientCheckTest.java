package dev.dlfs.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.loss.kernels.Reference;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.GradientCheck;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every built-in loss passes the numerical gradient check in float64; a wrong backward does not. */
class LossGradientCheckTest {
    private static final double TOLERANCE = 1e-6;
    private final SplittableRandom rng = new SplittableRandom(31);

    private static Loss loss(String name) {
        return LossRegistry.create(name, Options.empty());
    }

    /**
     * Scores whose labels are each row's best class. The book's 1e-7 guard makes the true gradient of
     * {@code -log(p + 1e-7)} differ from {@code (p - t)/N} by the factor {@code p/(p + 1e-7)}: negligible (below
     * 1e-6) once the labelled probability is above 0.05, which labelling the best class guarantees for 5 classes.
     */
    private Tensor scoresAndBestLabels(int rows, int classes, int[] labels) {
        double[] x = Reference.gaussian(rng, rows * classes, 1.5);
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int j = 1; j < classes; j++) {
                best = x[r * classes + j] > x[r * classes + best] ? j : best;
            }
            labels[r] = best;
        }
        return Tensor.of(x, rows, classes);
    }

    @Test
    void softmaxWithLossWithIndexAndOneHotTargets() {
        int[] labels = new int[6];
        Tensor x = scoresAndBestLabels(6, 5, labels);
        Tensor index = Reference.labelTensor(DType.FLOAT64, labels);
        Tensor oneHot = Tensor.of(Reference.oneHot(labels, 5), 6, 5);
        GradientCheck.Report report = LossGradientCheck.check(loss("softmax-with-loss"), x, index);
        report.assertBelow(TOLERANCE);
        assertEquals(1, report.tensors().size());
        assertEquals("y", report.tensors().get(0).name());
        LossGradientCheck.check(loss("softmax-with-loss"), x, oneHot).assertBelow(TOLERANCE);
    }

    @Test
    void squaredErrorAndSigmoidWithLossOnRandomInputs() {
        Tensor y = Tensor.of(Reference.gaussian(rng, 24, 2), 4, 6);
        Tensor t = Tensor.of(Reference.gaussian(rng, 24, 2), 4, 6);
        LossGradientCheck.check(loss("mean-squared-error"), y, t).assertBelow(TOLERANCE);
        double[] probabilities = new double[24];
        for (int i = 0; i < 24; i++) {
            probabilities[i] = rng.nextDouble();
        }
        LossGradientCheck.check(loss("sigmoid-with-loss"), y, Tensor.of(probabilities, 4, 6)).assertBelow(TOLERANCE);
        LossGradientCheck.check(loss("mse"), y, Tensor.of(new double[] {0, 5, 2, 1})).assertBelow(TOLERANCE);
    }

    @Test
    void absoluteErrorAndHuberAwayFromTheirKinks() {
        // |y - t| stays at least 0.1 from 0 and from δ, far beyond the step 1e-4, so no difference straddles a kink.
        int n = 30;
        double delta = 1.0;
        double[] y = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double d = (0.1 + 0.8 * rng.nextDouble()) * (i % 2 == 0 ? 1 : -1) * (i % 3 == 0 ? 3 : 1);
            t[i] = rng.nextGaussian();
            y[i] = t[i] + d;
        }
        Tensor yt = Tensor.of(y, 5, 6);
        Tensor tt = Tensor.of(t, 5, 6);
        LossGradientCheck.check(loss("mean-absolute-error"), yt, tt).assertBelow(TOLERANCE);
        LossGradientCheck.check(LossRegistry.create("huber", Options.of(Map.of("delta", delta))), yt, tt)
                .assertBelow(TOLERANCE);
    }

    @Test
    void float32InputsAreCheckedInFloat64AndLeftAlone() {
        Tensor y = Tensor.of(new float[] {0.5f, -1f, 2f, 0f}, 2, 2);
        Tensor t = Tensor.of(new float[] {1, 0});
        Tensor before = y.copy();
        LossGradientCheck.check(loss("bce"), y, t).assertBelow(TOLERANCE);
        assertEquals(before, y);
    }

    /** A third-party loss, {@code Σ(y - t)⁴ / N}, with a correct and a wrong backward. */
    private static final class Quartic implements Loss {
        private final double factor;
        private Tensor y;
        private Tensor t;

        Quartic(double factor) {
            this.factor = factor;
        }

        @Override
        public double forward(Tensor y, Tensor t) {
            this.y = y;
            this.t = t;
            double s = 0;
            for (int i = 0; i < y.size(); i++) {
                s += Math.pow(y.getFlat(i) - t.getFlat(i), 4);
            }
            return s / y.dim(0);
        }

        @Override
        public Tensor backward() {
            Tensor g = Tensor.zerosLike(y);
            for (int i = 0; i < y.size(); i++) {
                g.setFlat(i, factor * 4 * Math.pow(y.getFlat(i) - t.getFlat(i), 3) / y.dim(0));
            }
            return g;
        }
    }

    @Test
    void thirdPartyLossesAreCheckedAndAWrongGradientFails() {
        Tensor y = Tensor.of(Reference.gaussian(rng, 12, 1), 3, 4);
        Tensor t = Tensor.of(Reference.gaussian(rng, 12, 1), 3, 4);
        LossGradientCheck.check(new Quartic(1.0), y, t).assertBelow(TOLERANCE);
        GradientCheck.Report wrong = LossGradientCheck.check(new Quartic(1.01), y, t);
        assertTrue(wrong.maxRelativeError() > 1e-3, wrong.toString());
        assertThrows(AssertionError.class, () -> wrong.assertBelow(TOLERANCE));
    }

    @Test
    void aBackwardOfTheWrongShapeIsReported() {
        Loss broken = new Loss() {
            @Override
            public double forward(Tensor y, Tensor t) {
                return 0;
            }

            @Override
            public Tensor backward() {
                return Tensor.zeros(DType.FLOAT64, 3);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossGradientCheck.check(broken, Tensor.zeros(2, 2), Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().contains("backward() gave float64(3,) for the prediction float64(2, 2)"),
                e.getMessage());
    }
}
