package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training normalises with the batch's statistics and updates running ones; inference uses the running ones. */
class BatchNormalizationTest {
    private static Layer batchnorm(Map<String, ?> options, DType dtype, int... sampleShape) {
        return LayerRegistry.create(LayerSpec.of("batchnorm", options),
                new LayerContext(sampleShape, dtype, new SplittableRandom(1)));
    }

    /** Mean and biased variance of feature f over (n, plane), computed in plain loops. */
    private static double[] stats(Tensor x, int features, int plane, int f) {
        int n = x.dim(0);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < plane; p++) {
                sum += x.getFlat((i * features + f) * plane + p);
            }
        }
        double mean = sum / (n * plane);
        double sq = 0;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < plane; p++) {
                double c = x.getFlat((i * features + f) * plane + p) - mean;
                sq += c * c;
            }
        }
        return new double[] {mean, sq / (n * plane)};
    }

    private static void checkTrainThenEval(Layer bn, Tensor x1, Tensor x2, int features, int plane, DType dtype) {
        double tol = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
        List<Parameter> params = bn.parameters();
        Tensor gamma = params.get(0).value();
        Tensor beta = params.get(1).value();
        for (int f = 0; f < features; f++) {
            gamma.setFlat(f, 1.5 + f);
            beta.setFlat(f, -0.5 * f);
        }
        double[] runMean = new double[features];
        double[] runVar = new double[features];
        for (Tensor x : List.of(x1, x2)) {
            Tensor y = bn.forward(x, true);
            for (int f = 0; f < features; f++) {
                double[] s = stats(x, features, plane, f);
                double std = Math.sqrt(s[1] + 1e-6);
                for (int i = 0; i < x.dim(0); i++) {
                    for (int p = 0; p < plane; p++) {
                        int at = (i * features + f) * plane + p;
                        assertEquals((1.5 + f) * (x.getFlat(at) - s[0]) / std - 0.5 * f, y.getFlat(at), tol);
                    }
                }
                runMean[f] = 0.9 * runMean[f] + 0.1 * s[0];
                runVar[f] = 0.9 * runVar[f] + 0.1 * s[1];
            }
        }
        assertArrayEquals(runMean, bn.buffers().get("running_mean").toDoubleArray(), tol);
        assertArrayEquals(runVar, bn.buffers().get("running_var").toDoubleArray(), tol);
        // Inference: running statistics, whatever the batch (here a single sample)
        Tensor one = x1.rows(0, 1);
        Tensor y = bn.forward(one, false);
        for (int f = 0; f < features; f++) {
            for (int p = 0; p < plane; p++) {
                int at = f * plane + p;
                double want = (1.5 + f) * (one.getFlat(at) - runMean[f]) / Math.sqrt(runVar[f] + 1e-6) - 0.5 * f;
                assertEquals(want, y.getFlat(at), tol);
            }
        }
        assertArrayEquals(runMean, bn.buffers().get("running_mean").toDoubleArray(), tol,
                "inference leaves the running statistics alone");
    }

    @Test
    void twoDimensionalInputPerFeature() {
        for (DType dtype : DType.values()) {
            Tensor x1 = Tensor.randn(new SplittableRandom(2), dtype, 8, 5).mul(3.0).add(1.0);
            Tensor x2 = Tensor.randn(new SplittableRandom(3), dtype, 8, 5);
            checkTrainThenEval(batchnorm(Map.of(), dtype, 5), x1, x2, 5, 1, dtype);
        }
    }

    @Test
    void fourDimensionalInputPerChannelAndAsTheBookFlattensIt() {
        for (DType dtype : DType.values()) {
            Tensor x1 = Tensor.randn(new SplittableRandom(4), dtype, 3, 2, 3, 4).mul(2.0);
            Tensor x2 = Tensor.randn(new SplittableRandom(5), dtype, 3, 2, 3, 4).add(-1.0);
            Layer perChannel = batchnorm(Map.of(), dtype, 2, 3, 4);
            assertArrayEquals(new int[] {2}, perChannel.parameters().get(0).value().shape());
            checkTrainThenEval(perChannel, x1, x2, 2, 12, dtype);
            Layer book = batchnorm(Map.of("per-channel", false), dtype, 2, 3, 4);
            assertArrayEquals(new int[] {24}, book.parameters().get(0).value().shape());
            checkTrainThenEval(book, x1, x2, 24, 1, dtype);
        }
    }

    @Test
    void parametersAndBuffersHaveTheBookNames() {
        Layer bn = batchnorm(Map.of("momentum", 0.5, "epsilon", 1e-5), DType.FLOAT32, 4);
        assertEquals(List.of("gamma", "beta"), bn.parameters().stream().map(Parameter::name).toList());
        assertEquals(List.of("running_mean", "running_var"), List.copyOf(bn.buffers().keySet()));
        assertEquals(false, bn.parameters().get(0).regularized());
        assertArrayEquals(new double[] {1, 1, 1, 1}, bn.parameters().get(0).value().toDoubleArray(), 0.0);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 3, 2, 1, 0}, 2, 4);
        bn.forward(x, true);
        // momentum 0.5: running mean = 0.5·0 + 0.5·batch mean
        assertArrayEquals(new double[] {1, 1, 1, 1}, bn.buffers().get("running_mean").toDoubleArray(), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(2, 5), true));
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(DType.FLOAT64, 2, 4), true));
    }
}
