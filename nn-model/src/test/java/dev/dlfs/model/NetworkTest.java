package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.GradientCheck;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkTest {
    static Network twoLayer(DType dtype, int in, int hidden, int out, long seed) {
        return Network.builder().input(in).dtype(dtype).seed(seed).init(Map.of("std", 0.5))
                .affine(hidden).relu().affine(out).loss("softmax-with-loss").build();
    }

    static Tensor random(DType dtype, long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), dtype, shape);
    }

    /** A float64 forward pass of affine-relu-affine written with plain loops. */
    static double[][] referenceScores(Network net, Tensor x) {
        Tensor w1 = net.parameter("W1").value();
        Tensor b1 = net.parameter("b1").value();
        Tensor w2 = net.parameter("W2").value();
        Tensor b2 = net.parameter("b2").value();
        int n = x.dim(0);
        int in = w1.dim(0);
        int hidden = w1.dim(1);
        int out = w2.dim(1);
        double[][] y = new double[n][out];
        for (int r = 0; r < n; r++) {
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double s = b1.get(j);
                for (int i = 0; i < in; i++) {
                    s += x.get(r, i) * w1.get(i, j);
                }
                h[j] = Math.max(0, s);
            }
            for (int k = 0; k < out; k++) {
                double s = b2.get(k);
                for (int j = 0; j < hidden; j++) {
                    s += h[j] * w2.get(j, k);
                }
                y[r][k] = s;
            }
        }
        return y;
    }

    @Test
    void namesCountsAndSummary() {
        Network net = Network.builder().input(784).seed(42).affine(50).relu().affine(10).loss("softmax-with-loss")
                .build();
        assertEquals(List.of("affine1.W", "affine1.b", "affine2.W", "affine2.b"),
                net.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new int[] {784, 50}, net.parameter("affine1.W").value().shape());
        assertEquals(784 * 50 + 50 + 50 * 10 + 10, net.parameterCount());
        assertEquals(Map.of("W1", "affine1.W", "b1", "affine1.b", "W2", "affine2.W", "b2", "affine2.b"),
                net.bookNames());
        assertEquals(net.parameter("affine2.W"), net.parameter("W2"));
        assertEquals(List.of("affine1", "relu1", "affine2"), net.layers().stream().map(NamedLayer::name).toList());
        assertArrayEquals(new int[] {10}, net.outputShape());
        String summary = net.summary();
        assertTrue(summary.contains("affine1"), summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("affine1\\s+affine\\s+\\(50,\\)\\s+39,250")), summary);
        assertTrue(summary.contains("total: 39,760 parameters (float32)"), summary);
    }

    @Test
    void predictLossAndAccuracyMatchALoopReference() {
        Network net = twoLayer(DType.FLOAT64, 6, 5, 3, 7);
        Tensor x = random(DType.FLOAT64, 1, 8, 6);
        double[][] ref = referenceScores(net, x);
        Tensor y = net.predict(x);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        Tensor t = Tensor.zeros(DType.FLOAT64, 8);
        Tensor oneHot = Tensor.zeros(DType.FLOAT64, 8, 3);
        double loss = 0;
        int correct = 0;
        for (int r = 0; r < 8; r++) {
            t.set(labels[r], r);
            oneHot.set(1, r, labels[r]);
            double max = Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int k = 0; k < 3; k++) {
                assertEquals(ref[r][k], y.get(r, k), 1e-12);
                if (ref[r][k] > max) {
                    max = ref[r][k];
                    best = k;
                }
            }
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += Math.exp(ref[r][k] - max);
            }
            // the book's cross-entropy: -log(y + 1e-7)
            loss -= Math.log(Math.exp(ref[r][labels[r]] - max) / sum + 1e-7);
            correct += best == labels[r] ? 1 : 0;
        }
        assertEquals(loss / 8, net.loss(x, t), 1e-6);
        assertEquals(loss / 8, net.loss(x, oneHot), 1e-6);
        assertEquals(correct, net.countCorrect(x, t));
        assertEquals(correct / 8.0, net.accuracy(x, oneHot));
    }

    @Test
    void backpropagationMatchesNumericalGradientsOfTheTwoLayerNet() {
        Network net = twoLayer(DType.FLOAT64, 6, 5, 3, 11);
        Tensor x = random(DType.FLOAT64, 2, 4, 6);
        Tensor t = Tensor.of(new double[] {0, 2, 1, 2}, 4);
        Map<String, Tensor> numerical = net.numericalGradient(x, t);
        Map<String, Tensor> analytic = net.gradient(x, t);
        assertEquals(numerical.keySet(), analytic.keySet());
        assertAgree(analytic, numerical);
        assertEquals(net.loss(x, t, true), net.lastLoss(), 1e-12);
    }

    @Test
    void backpropagationMatchesNumericalGradientsOfAConvNet() {
        Network net = Network.builder().input(1, 6, 6).dtype(DType.FLOAT64).seed(3).init(Map.of("std", 0.3))
                .convolution(2, 3, 1, 1).relu().maxPool(2).affine(4).relu().affine(3)
                .loss("softmax-with-loss").build();
        assertEquals(List.of("conv1", "relu1", "pool1", "affine1", "relu2", "affine2"),
                net.layers().stream().map(NamedLayer::name).toList());
        assertEquals("conv1.W", net.bookNames().get("W1"));
        Tensor x = random(DType.FLOAT64, 5, 3, 1, 6, 6);
        Tensor t = Tensor.of(new double[] {2, 0, 1}, 3);
        Map<String, Tensor> numerical = net.numericalGradient(x, t);
        Map<String, Tensor> analytic = net.gradient(x, t);
        assertAgree(analytic, numerical);
    }

    /**
     * Relative agreement: the book's cross-entropy adds 1e-7 inside the log, which the analytic gradient
     * (y - t) / N ignores, so the two differ by about 1e-7 / y relative.
     */
    private static void assertAgree(Map<String, Tensor> analytic, Map<String, Tensor> numerical) {
        for (String name : analytic.keySet()) {
            GradientCheck.TensorError e = GradientCheck.compare(name, analytic.get(name), numerical.get(name), 1e-6);
            assertTrue(e.maxRelativeError() < 1e-4, e.toString());
        }
    }

    @Test
    void flatRowsFitAnImageInputShape() {
        Network net = Network.builder().input(1, 4, 4).seed(1).convolution(2, 3, 1, 0).flatten().affine(3)
                .loss("softmax-with-loss").build();
        Tensor images = random(DType.FLOAT32, 9, 5, 1, 4, 4);
        Tensor rows = images.reshape(5, 16);
        assertEquals(net.predict(images), net.predict(rows));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.predict(random(DType.FLOAT32, 1, 5, 15)));
        assertTrue(e.getMessage().contains("expected float32 (N, 1, 4, 4)"), e.getMessage());
    }

    @Test
    void trainingModeReachesEveryLayer() {
        Network net = Network.builder().input(200).seed(5).affine(100).dropout(0.5).affine(3)
                .loss("softmax-with-loss").build();
        Network plain = Network.builder().input(200).seed(5).affine(100).layer("identity").affine(3)
                .loss("softmax-with-loss").build();
        Tensor x = random(DType.FLOAT32, 4, 10, 200);
        assertEquals(plain.predict(x), net.predict(x), "inverted dropout is the identity at inference");
        Tensor trained = net.forward(x, true).copy();
        assertNotEquals(plain.predict(x), trained, "training mode drops units");
    }

    @Test
    void theSeedDecidesTheInitialWeights() {
        Tensor a = twoLayer(DType.FLOAT32, 20, 10, 3, 1).parameter("W1").value();
        Tensor b = twoLayer(DType.FLOAT32, 20, 10, 3, 1).parameter("W1").value();
        Tensor c = twoLayer(DType.FLOAT32, 20, 10, 3, 2).parameter("W1").value();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void theBuilderRejectsAnImpossibleStackNamingTheLayer() {
        ConfigException e = assertThrows(ConfigException.class, () -> Network.builder().input(784).affine(50)
                .convolution(3, 3, 1, 0).loss("softmax-with-loss").build());
        assertEquals("layers[1]", e.path());
        assertTrue(e.getMessage().startsWith("layers[1]: layer 'convolution' with input shape (50,): "),
                e.getMessage());
        ConfigException pool = assertThrows(ConfigException.class, () -> Network.builder().input(1, 4, 4)
                .maxPool(8).loss("softmax-with-loss").build());
        assertEquals("layers[0]", pool.path());
        ConfigException noLoss = assertThrows(ConfigException.class, () -> Network.builder().input(4).relu().build());
        assertEquals("loss", noLoss.path());
    }

    @Test
    void layerOptionErrorsFromYamlPointIntoTheFile() {
        String yaml = NetworkConfigTest.BOOK.replace("units: 10}", "units: fifty}");
        ConfigException e = assertThrows(ConfigException.class, () -> Network.of(NetworkConfig.parse(yaml, "n.yaml")));
        assertEquals("layers[2].units", e.path());
        assertEquals(5, e.line());
        assertEquals(27, e.column());
        assertTrue(e.getMessage().startsWith("n.yaml:5:27: layers[2].units: "), e.getMessage());
        assertTrue(e.problem().contains("whole number, found 'fifty'"), e.problem());

        String misspelt = NetworkConfigTest.BOOK.replace("{type: affine, units: 10}", "{type: affine, unit: 10}");
        ConfigException u = assertThrows(ConfigException.class,
                () -> Network.of(NetworkConfig.parse(misspelt, "n.yaml")));
        assertEquals("layers[2].unit", u.path());
        assertEquals(5, u.line());
        assertEquals(20, u.column());
        assertTrue(u.problem().contains("unknown option 'unit'; did you mean 'units'?"), u.problem());

        String badShape = NetworkConfigTest.BOOK.replace("  - {type: relu}\n",
                "  - {type: relu}\n  - {type: convolution, filters: 3, size: 3}\n");
        ConfigException s = assertThrows(ConfigException.class,
                () -> Network.of(NetworkConfig.parse(badShape, "n.yaml")));
        assertEquals("layers[2]", s.path());
        assertEquals(5, s.line());
        assertTrue(s.problem().startsWith("layer 'convolution' with input shape (50,)"), s.problem());
        assertFalse(s.getMessage().contains("Exception"), s.getMessage());
    }
}
