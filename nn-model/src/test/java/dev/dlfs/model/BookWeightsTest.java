package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DataSplit;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.Npz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's pretrained networks, loaded into the shipped configurations, against the numbers its README lists. */
class BookWeightsTest {
    /** Softmax of test image 0 under sample_weight.npz, float64, 8 significant digits (README). */
    static final double[] SAMPLE_SOFTMAX0 = {8.4412500e-05, 2.6350644e-06, 7.1549423e-04, 1.2586262e-03,
        1.1727951e-06, 4.4990820e-05, 1.6269317e-08, 9.9706497e-01, 9.3744732e-06, 8.1831165e-04};
    static final double[] SAMPLE_LOGITS0 = {9.6785741e-02, -3.3700221e+00, 2.2340438e+00, 2.7988464e+00,
        -4.1795399e+00, -5.3247128e-01, -8.4574041e+00, 9.4736415e+00, -2.1009394e+00, 2.3683135e+00};
    static final double[] CONV_LOGITS0 = {-9.5290902e+00, -1.0417573e+01, -8.0785339e+00, -4.5297255e+00,
        -2.2763867e+01, -1.4207599e+01, -4.2162459e+01, 1.8490323e+01, -1.2657331e+01, -1.0591463e+01};

    static int[] reference(String key) throws IOException {
        return Npz.readArrays(Examples.bookWeights("reference_predictions.npz")).get(key).toIntArray();
    }

    static Network loaded(NetworkConfig c, String weights) throws IOException {
        Network net = Network.of(c);
        BookWeights.load(net, Examples.bookWeights(weights));
        return net;
    }

    @Test
    void sampleWeightClassifies9352TestImagesLikeTheBook() throws IOException {
        NetworkConfig c = Examples.config("sigmoid-net.yaml");
        DataSplit mnist = RealMnist.load(c);
        Network net = loaded(c, "sample_weight.npz");
        Tensor x = mnist.test().x();
        assertEquals(9352, net.countCorrect(x, mnist.test().t()));
        assertEquals(0.9352, net.accuracy(x, mnist.test().t()));
        assertArrayEquals(reference("sample_weight"), net.predict(x).argmax(1), "every image's predicted class");
        Tensor y = net.predict(x.rows(0, 1)).softmax();
        for (int k = 0; k < 10; k++) {
            assertEquals(SAMPLE_SOFTMAX0[k], y.get(0, k), 1e-6, "softmax of image 0, class " + k);
        }
    }

    @Test
    void inFloat64TheSampleWeightNetworkGivesAllEightDigits() throws IOException {
        NetworkConfig c = Examples.config("sigmoid-net.yaml");
        Tensor image0 = RealMnist.load(c).test().x().rows(0, 1).to(DType.FLOAT64);
        Network net = loaded(c.withDtype(DType.FLOAT64), "sample_weight.npz");
        Tensor logits = net.predict(image0);
        Tensor y = logits.softmax();
        for (int k = 0; k < 10; k++) {
            assertEquals(SAMPLE_LOGITS0[k], logits.get(0, k), 6e-8 * Math.abs(SAMPLE_LOGITS0[k]), "logit " + k);
            assertEquals(SAMPLE_SOFTMAX0[k], y.get(0, k), 6e-8 * SAMPLE_SOFTMAX0[k], "softmax " + k);
        }
    }

    @Test
    void simpleConvNetClassifies9890TestImagesLikeTheBook() throws IOException {
        NetworkConfig c = Examples.config("simple-convnet.yaml");
        DataSplit mnist = RealMnist.load(c);
        Network net = loaded(c, "simple_convnet_params.npz");
        Tensor x = mnist.test().x();
        int[] predicted = net.predict(x).argmax(1);
        assertArrayEquals(reference("simple_convnet_params"), predicted, "every image's predicted class");
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == (int) mnist.test().t().getFlat(i) ? 1 : 0;
        }
        assertEquals(9890, correct);
        Tensor logits = net.predict(x.rows(0, 1));
        for (int k = 0; k < 10; k++) {
            assertEquals(CONV_LOGITS0[k], logits.get(0, k), 1e-4, "logit " + k + " of image 0");
        }
    }

    @Test
    void aFileThatDoesNotFitIsRefusedNamingEveryProblem(@TempDir Path dir) throws IOException {
        NetworkConfig c = Examples.config("sigmoid-net.yaml");
        Map<String, Tensor> arrays = new LinkedHashMap<>(Npz.read(Examples.bookWeights("sample_weight.npz")));
        arrays.remove("b3");
        arrays.put("W1", arrays.get("W1").transpose());
        arrays.put("W4", Tensor.zeros(10, 10));
        Path bad = dir.resolve("bad.npz");
        Npz.write(bad, arrays);
        Network net = Network.of(c);
        Tensor before = net.parameter("W2").value().copy();
        WeightsMismatchException e = assertThrows(WeightsMismatchException.class, () -> BookWeights.load(net, bad));
        assertEquals(bad.toString(), e.source());
        String m = e.getMessage();
        assertTrue(m.startsWith(bad + " does not fit network 'sigmoid-net': "), m);
        assertTrue(m.contains("array 'W1' has shape (50, 784), the network needs (784, 50)"), m);
        assertTrue(m.contains("missing array 'b3' (10,)"), m);
        assertTrue(m.contains("unexpected array(s) [W4]"), m);
        assertTrue(m.contains("The network has W1 (784, 50), b1 (50,), W2 (50, 100)"), m);
        assertEquals(before, net.parameter("W2").value(), "nothing is loaded from a file that does not fit");
    }

    @Test
    void everyShippedBookNetworkExportsAndImportsTheBooksWay(@TempDir Path dir) throws IOException {
        Map<String, String> expected = Map.of(
                "two-layer-net.yaml", "W1 (784, 50), b1 (50,), W2 (50, 10), b2 (10,)",
                "sigmoid-net.yaml", "W1 (784, 50), b1 (50,), W2 (50, 100), b2 (100,), W3 (100, 10), b3 (10,)",
                "simple-convnet.yaml", "W1 (30, 1, 5, 5), b1 (30,), W2 (4320, 100), b2 (100,), W3 (100, 10), b3 (10,)",
                "deep-convnet.yaml", "W1 (16, 1, 3, 3), b1 (16,), W2 (16, 16, 3, 3), b2 (16,), W3 (32, 16, 3, 3),"
                        + " b3 (32,), W4 (32, 32, 3, 3), b4 (32,), W5 (64, 32, 3, 3), b5 (64,), W6 (64, 64, 3, 3),"
                        + " b6 (64,), W7 (1024, 50), b7 (50,), W8 (50, 10), b8 (10,)",
                "multi-layer-net.yaml", "W1 (784, 100), b1 (100,), gamma1 (100,), beta1 (100,), W2 (100, 100),"
                        + " b2 (100,), gamma2 (100,), beta2 (100,)");
        for (var e : expected.entrySet()) {
            NetworkConfig c = Examples.config(e.getKey());
            Network trained = Network.of(c.withSeed(1));
            Path file = dir.resolve(e.getKey() + ".npz");
            BookWeights.save(trained, file);
            Map<String, Tensor> saved = Npz.read(file);
            StringBuilder names = new StringBuilder();
            saved.forEach((k, v) -> names.append(names.isEmpty() ? "" : ", ").append(k).append(' ')
                    .append(dev.dlfs.tensor.Shapes.format(v.shape())));
            assertTrue(names.toString().startsWith(e.getValue()), e.getKey() + ": " + names);
            Network fresh = Network.of(c.withSeed(2));
            BookWeights.load(fresh, file);
            Tensor x = Tensor.rand(new java.util.SplittableRandom(3), c.dtype(), 0, 1, 2, 784);
            assertEquals(trained.predict(x), fresh.predict(x), e.getKey());
        }
    }
}
