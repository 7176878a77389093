package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batch normalization passes against plain loops over (N, F, P), with the same summation order: per sample the
 * P values in index order from 0, then the samples in order. Shapes: (N, D), (N, C, H, W) per channel, and the same
 * batch seen as (N, C·H·W) features, with odd sizes.
 */
class BatchNormKernelsTest {
    /** Batch shape, then features: P is what is left of a sample. */
    private static final int[][][] LAYOUTS = {{{7, 5}, {5}}, {{4, 3, 5, 3}, {3}}, {{4, 3, 5, 3}, {45}}};

    private static Tensor batch(int seed, int[] shape) {
        // A view one sample in, so that offsets are honoured.
        int[] more = shape.clone();
        more[0]++;
        return Tensor.randn(new SplittableRandom(seed), DType.FLOAT64, more).mul(2.0).add(0.5).rows(1, more[0]);
    }

    private static Tensor statistic(int seed, int features) {
        return Tensor.rand(new SplittableRandom(seed), DType.FLOAT64, 0.5, 1.5, features);
    }

    /** Σ over samples of the per-sample sums of term(i, at) for feature f, as the kernels order it. */
    private static double sum(int n, int features, int plane, int f, java.util.function.IntToDoubleFunction term) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int p = 0; p < plane; p++) {
                s += term.applyAsDouble((i * features + f) * plane + p);
            }
            total += s;
        }
        return total;
    }

    @Test
    void sumsMatchPlainLoops() {
        for (int[][] layout : LAYOUTS) {
            Tensor x = batch(1, layout[0]);
            Tensor y = batch(2, layout[0]);
            int features = layout[1][0];
            int n = x.dim(0);
            int plane = x.size() / n / features;
            Tensor mean = statistic(3, features);
            Tensor sumX = Tensor.zeros(DType.FLOAT64, features);
            Tensor sumXY = Tensor.zeros(DType.FLOAT64, features);
            Tensor alone = Tensor.zeros(DType.FLOAT64, features);
            Tensor squares = Tensor.zeros(DType.FLOAT64, features);
            BatchNormKernels.featureSums(x, y, sumX, sumXY);
            BatchNormKernels.featureSums(x, alone);
            BatchNormKernels.squaredDeviationSums(x, mean, squares);
            for (int f = 0; f < features; f++) {
                int g = f;
                assertEquals(sum(n, features, plane, f, x::getFlat), sumX.getFlat(f));
                assertEquals(sumX.getFlat(f), alone.getFlat(f));
                assertEquals(sum(n, features, plane, f, at -> x.getFlat(at) * y.getFlat(at)), sumXY.getFlat(f));
                assertEquals(sum(n, features, plane, f, at -> {
                    double c = x.getFlat(at) - mean.getFlat(g);
                    return c * c;
                }), squares.getFlat(f));
            }
        }
    }

    @Test
    void normalizeAndInputGradientMatchPlainLoops() {
        for (DType dtype : DType.values()) {
            for (int[][] layout : LAYOUTS) {
                Tensor x = batch(4, layout[0]);
                int features = layout[1][0];
                int n = x.dim(0);
                int plane = x.size() / n / features;
                Tensor mean = statistic(5, features).sub(1.0);
                Tensor invStd = statistic(6, features);
                Tensor gamma = statistic(7, features).to(dtype);
                Tensor beta = statistic(8, features).to(dtype);
                Tensor xn = Tensor.zeros(DType.FLOAT64, x.shape());
                Tensor y = BatchNormKernels.normalize(x, mean, invStd, gamma, beta, xn, Tensor.zeros(dtype, x.shape()));
                Tensor dout = batch(9, layout[0]);
                Tensor scale = statistic(10, features);
                Tensor doutSum = statistic(11, features);
                Tensor doutXnSum = statistic(12, features);
                Tensor training = BatchNormKernels.inputGradient(dout, xn, scale, doutSum, doutXnSum, true,
                        Tensor.zeros(dtype, x.shape()));
                Tensor inference = BatchNormKernels.inputGradient(dout, xn, scale, doutSum, doutXnSum, false,
                        Tensor.zeros(dtype, x.shape()));
                for (int at = 0; at < x.size(); at++) {
                    int f = at / plane % features;
                    double z = (x.getFlat(at) - mean.getFlat(f)) * invStd.getFlat(f);
                    assertEquals(z, xn.getFlat(at));
                    assertEquals(rounded(dtype, gamma.getFlat(f) * z + beta.getFlat(f)), y.getFlat(at));
                    double k = scale.getFlat(f);
                    double v = dout.getFlat(at);
                    double m = n * plane;
                    assertEquals(rounded(dtype, k * (v - (doutSum.getFlat(f) + z * doutXnSum.getFlat(f)) / m)),
                            training.getFlat(at), dtype + " at " + at);
                    assertEquals(rounded(dtype, k * v), inference.getFlat(at), dtype + " at " + at);
                }
            }
        }
    }

    private static double rounded(DType dtype, double v) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    @Test
    void asFloat64ConvertsFloat32AndPassesFloat64Through() {
        Tensor x64 = batch(13, new int[] {3, 7});
        assertSame(x64, BatchNormKernels.asFloat64(x64, Tensor.zeros(DType.FLOAT64, 3, 7)));
        Tensor x32 = x64.to(DType.FLOAT32).rows(1, 3);
        Tensor converted = BatchNormKernels.asFloat64(x32, Tensor.zeros(DType.FLOAT64, 2, 7));
        assertTrue(converted.equals(x32.to(DType.FLOAT64)));
    }

    @Test
    void operandsThatDoNotFitAreNamed() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 4, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchNormKernels.featureSums(x.to(DType.FLOAT32), Tensor.zeros(DType.FLOAT64, 6)));
        assertTrue(e.getMessage().contains("must be float64, got float32(4, 6)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BatchNormKernels.featureSums(x, Tensor.zeros(DType.FLOAT64, 4)));
        assertTrue(e.getMessage().contains("is not a batch of samples of 4 features"), e.getMessage());
        Tensor six = Tensor.zeros(DType.FLOAT64, 6);
        e = assertThrows(IllegalArgumentException.class,
                () -> BatchNormKernels.squaredDeviationSums(x, Tensor.zeros(DType.FLOAT64, 3), six));
        assertTrue(e.getMessage().contains("mean float64(3,) must have 6 values"), e.getMessage());
        Tensor beta32 = Tensor.zeros(DType.FLOAT32, 6);
        e = assertThrows(IllegalArgumentException.class, () -> BatchNormKernels.normalize(x, six, six,
                Tensor.ones(DType.FLOAT64, 6), beta32, Tensor.zerosLike(x), Tensor.zerosLike(x)));
        assertTrue(e.getMessage().startsWith("batchnorm normalize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BatchNormKernels.inputGradient(x, x, six, six, six,
                true, Tensor.zeros(DType.FLOAT64, 4, 5)));
        assertTrue(e.getMessage().contains("dx float64(4, 5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BatchNormKernels.asFloat64(x.to(DType.FLOAT32), Tensor.zeros(DType.FLOAT64, 4, 5)));
        assertTrue(e.getMessage().contains("scratch float64(4, 5)"), e.getMessage());
    }
}
