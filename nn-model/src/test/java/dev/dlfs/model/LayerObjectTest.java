package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.layers.Layer;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.GradientCheck;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer and loss objects of a user's own, in a network beside declared layers, with no provider registered. */
class LayerObjectTest {
    /** The example of {@link Layer}'s documentation: the input times one learned factor. */
    static final class Scale implements Layer {
        private final Parameter k;
        private Tensor x;

        Scale(DType dtype, double factor) {
            k = Parameter.of("k", Tensor.full(dtype, factor, 1), false);
        }

        @Override
        public Tensor forward(Tensor x, boolean training) {
            this.x = x;
            return x.mul(k.value());
        }

        @Override
        public Tensor backward(Tensor dout) {
            k.grad().fill(dout.mul(x).sumAll());
            return dout.mul(k.value());
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(k);
        }

        @Override
        public int[] outputShape(int[] inputShape) {
            return inputShape;
        }
    }

    /** A layer that promises to rectify its output when asked, and does not: shows who took the ReLU over. */
    static final class Promising implements Layer {
        boolean asked;

        @Override
        public Tensor forward(Tensor x, boolean training) {
            return x;
        }

        @Override
        public Tensor backward(Tensor dout) {
            return dout;
        }

        @Override
        public boolean rectifyOutput() {
            asked = true;
            return true;
        }

        @Override
        public int[] outputShape(int[] inputShape) {
            return inputShape;
        }
    }

    @Test
    void aNetworkLetsAReluFollowingALayerThatRectifiesPassItsInputThrough() {
        Promising promising = new Promising();
        Network net = Network.builder().input(3).dtype(DType.FLOAT64).layer(promising).relu().loss("mse").build();
        assertTrue(promising.asked, "the ReLU asked the layer before it");
        Tensor x = Tensor.of(new double[][] {{-1, 2, -3}});
        // The layer kept its promise in name only, so the negative values come through: the ReLU did not run.
        assertEquals(List.of(-1.0, 2.0, -3.0), java.util.Arrays.stream(net.predict(x).toDoubleArray()).boxed()
                .toList());
        Promising alone = new Promising();
        Network unfused = Network.builder().input(3).dtype(DType.FLOAT64).layer(alone).sigmoid().loss("mse").build();
        assertEquals(false, alone.asked, "only a ReLU asks");
        assertEquals(3, unfused.predict(x).size());
    }

    private static Network mixed(long seed, double factor) {
        return Network.builder().input(6).dtype(DType.FLOAT64).seed(seed).init(Map.of("std", 0.5))
                .affine(5).layer(new Scale(DType.FLOAT64, factor)).relu().affine(3)
                .loss("softmax-with-loss").build();
    }

    @Test
    void aLayerObjectTakesItsPlaceAmongDeclaredLayers() {
        Network net = mixed(11, 2.0);
        assertEquals(List.of("affine1", "scale1", "relu1", "affine2"),
                net.layers().stream().map(NamedLayer::name).toList());
        assertEquals(List.of("affine1.W", "affine1.b", "scale1.k", "affine2.W", "affine2.b"),
                net.parameters().stream().map(Parameter::name).toList());
        Tensor x = NetworkTest.random(DType.FLOAT64, 2, 4, 6);
        Tensor w1 = net.parameter("affine1.W").value();
        Tensor b1 = net.parameter("affine1.b").value();
        Tensor w2 = net.parameter("affine2.W").value();
        Tensor b2 = net.parameter("affine2.b").value();
        Tensor y = net.predict(x);
        for (int r = 0; r < 4; r++) {
            double[] h = new double[5];
            for (int j = 0; j < 5; j++) {
                double s = b1.get(j);
                for (int i = 0; i < 6; i++) {
                    s += x.get(r, i) * w1.get(i, j);
                }
                h[j] = Math.max(0, 2.0 * s);
            }
            for (int c = 0; c < 3; c++) {
                double s = b2.get(c);
                for (int j = 0; j < 5; j++) {
                    s += h[j] * w2.get(j, c);
                }
                assertEquals(s, y.get(r, c), 1e-12, "row " + r + ", class " + c);
            }
        }
    }

    @Test
    void backpropagationReachesTheObjectsParameter() {
        Network net = mixed(3, 1.5);
        Tensor x = NetworkTest.random(DType.FLOAT64, 4, 5, 6);
        Tensor t = Tensor.of(new double[] {0, 2, 1, 2, 0}, 5);
        Map<String, Tensor> numerical = net.numericalGradient(x, t);
        Map<String, Tensor> analytic = net.gradient(x, t);
        assertEquals(numerical.keySet(), analytic.keySet());
        for (String name : analytic.keySet()) {
            GradientCheck.TensorError e = GradientCheck.compare(name, analytic.get(name), numerical.get(name), 1e-6);
            assertTrue(e.maxRelativeError() < 1e-4, e.toString());
        }
        assertTrue(Math.abs(analytic.get("scale1.k").get(0)) > 1e-6, "the factor's gradient is not trivially zero");
    }

    @Test
    void aNetworkOfLayerObjectsAndALossObject() {
        Network net = Network.of(List.of(new Scale(DType.FLOAT64, 2), new Scale(DType.FLOAT64, 3)),
                LossRegistry.create("mse", Options.empty()), 3);
        assertEquals(DType.FLOAT64, net.dtype());
        assertEquals(List.of("scale1", "scale2"), net.layers().stream().map(NamedLayer::name).toList());
        Tensor x = Tensor.of(new double[] {1, -2, 0.5}, 1, 3);
        Tensor t = Tensor.of(new double[] {6, -12, 0}, 1, 3);
        assertEquals(Tensor.of(new double[] {6, -12, 3}, 1, 3), net.predict(x));
        // mean squared error as the book defines it: half the sum of squares, per sample
        assertEquals(0.5 * 9, net.loss(x, t), 1e-12);
        assertTrue(net.config().toYaml().contains("type: scale"), net.config().toYaml());
        assertTrue(net.summary().contains("scale2"), net.summary());
    }

    @Test
    void aLayerObjectJoinsTheLayersOfAYamlConfiguration() {
        NetworkConfig yaml = NetworkConfig.parse("""
                input: [6]
                dtype: float64
                seed: 11
                layers:
                  - {type: affine, units: 5, init: {std: 0.5}}
                  - {type: relu}
                loss: softmax-with-loss
                """, "net.yaml");
        Network net = Network.builder(yaml).layer(new Scale(DType.FLOAT64, 3)).build();
        assertEquals(List.of("affine1", "relu1", "scale1"), net.layers().stream().map(NamedLayer::name).toList());
        Network plain = Network.of(yaml);
        assertEquals(plain.params().get("affine1.W"), net.params().get("affine1.W"), "same seed, same weights");
        Tensor x = NetworkTest.random(DType.FLOAT64, 2, 4, 6);
        assertEquals(plain.predict(x).mul(3), net.predict(x));
    }

    @Test
    void oneObjectInTwoPlacesIsRefused() {
        Scale shared = new Scale(DType.FLOAT32, 2);
        ConfigException e = assertThrows(ConfigException.class, () -> Network.builder().input(4)
                .layer(shared).relu().layer(shared).loss("mse").build());
        assertEquals("layers[2]", e.path());
        assertTrue(e.getMessage().contains("also layers[0]"), e.getMessage());
    }

    @Test
    void anObjectOfAnotherElementTypeIsRefusedAtItsPlace() {
        ConfigException e = assertThrows(ConfigException.class, () -> Network.builder().input(4)
                .dtype(DType.FLOAT64).relu().layer(new Scale(DType.FLOAT32, 2)).loss("mse").build());
        assertEquals("layers[1]", e.path());
        assertTrue(e.getMessage().contains("k is float32 but the network is float64"), e.getMessage());
    }

    @Test
    void aShapeTheObjectRefusesIsReportedAtItsPlace() {
        Layer onlyPairs = new Layer() {
            public Tensor forward(Tensor x, boolean training) {
                return x;
            }

            public Tensor backward(Tensor dout) {
                return dout;
            }

            public int[] outputShape(int[] in) {
                if (in[0] != 2) {
                    throw new IllegalArgumentException("needs 2 features, got " + in[0]);
                }
                return in;
            }
        };
        ConfigException e = assertThrows(ConfigException.class, () -> Network.builder().input(4).relu()
                .layer(onlyPairs).loss("mse").build());
        assertEquals("layers[1]", e.path());
        assertTrue(e.getMessage().contains("layer 'layer' with input shape (4,): needs 2 features, got 4"),
                e.getMessage());
    }

    @Test
    void aCheckpointOfSuchANetworkLoadsIntoTheSameCodeBuiltNetwork(@TempDir Path dir) throws IOException {
        Network trained = mixed(5, 2.5);
        Path file = dir.resolve("net.npz");
        Checkpoint.save(file, trained);

        Network again = mixed(6, 1.0);
        Checkpoint.loadInto(again, file);
        assertEquals(trained.params(), again.params());

        ConfigException e = assertThrows(ConfigException.class, () -> Checkpoint.load(file));
        assertTrue(e.getMessage().contains("layers[1]") && e.getMessage().contains("Checkpoint.loadInto"),
                e.getMessage());
    }
}
