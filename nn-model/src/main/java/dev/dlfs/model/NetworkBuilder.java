package dev.dlfs.model;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.loss.Loss;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.Options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares a network in code, the same way a YAML file does:
 * <pre>{@code
 * Network net = Network.builder()
 *         .input(784).seed(42).init(Map.of("std", 0.01))
 *         .affine(50).relu().affine(10)
 *         .loss("softmax-with-loss")
 *         .build();
 * }</pre>
 * Layer objects of your own mix with the declared layers: {@code .affine(50).layer(new Scale(2)).relu()}.
 * Every layer's input shape is inferred from the one before; {@link #build()} rejects an impossible stack with a
 * {@link ConfigException} naming the layer ({@code layers[3]}) and the shapes.
 */
public final class NetworkBuilder {
    private String name = "network";
    private DType dtype = DType.FLOAT32;
    private long seed;
    private List<Integer> input = List.of();
    private Object init;
    private final List<LayerSpec> layers = new ArrayList<>();
    /** Layer objects by position in {@code layers}, where the spec lists them by type name only. */
    private final Map<Integer, Layer> objects = new HashMap<>();
    private LossConfig loss;
    private Loss lossObject;
    private OptimizerConfig optimizer;
    private TrainingConfig training;
    private DataConfig data;

    NetworkBuilder() {
    }

    /** Takes over everything {@code config} declares; its layers come first. */
    NetworkBuilder from(NetworkConfig config) {
        name = config.name();
        dtype = config.dtype();
        seed = config.seed();
        input = config.input();
        layers.addAll(config.layers());
        loss = config.loss();
        optimizer = config.optimizer();
        training = config.training();
        data = config.data();
        return this;
    }

    public NetworkBuilder name(String n) {
        this.name = n;
        return this;
    }

    /** The per-sample input shape, e.g. {@code input(784)} or {@code input(1, 28, 28)}. */
    public NetworkBuilder input(int... shape) {
        List<Integer> s = new ArrayList<>();
        for (int d : shape) {
            s.add(d);
        }
        this.input = List.copyOf(s);
        return this;
    }

    public NetworkBuilder dtype(DType d) {
        this.dtype = d;
        return this;
    }

    /** Seeds the initial weights. */
    public NetworkBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * The initialiser of the affine and convolution layers added after this call through {@link #affine} and
     * {@link #convolution}: a name ({@code "he"}, {@code "xavier"}) or options ({@code Map.of("std", 0.01)}).
     */
    public NetworkBuilder init(Object initialiser) {
        this.init = initialiser;
        return this;
    }

    /** Any registered layer type with options, e.g. {@code layer("dropout", Map.of("ratio", 0.5))}. */
    public NetworkBuilder layer(String type, Map<String, ?> options) {
        layers.add(LayerSpec.of(type, options));
        return this;
    }

    public NetworkBuilder layer(String type) {
        return layer(type, Map.of());
    }

    public NetworkBuilder layer(LayerSpec spec) {
        layers.add(spec);
        return this;
    }

    /**
     * A layer object of your own (or any {@link Layer}), in its place among the declared ones:
     * {@code .affine(50).layer(new Scale(2)).relu()}. No provider or registration is needed; configurations,
     * summaries and checkpoints list it by its class name ({@code Scale} → type {@code scale}, layer {@code scale1},
     * parameter {@code scale1.k}). The network uses the object itself: give each network objects of its own.
     */
    public NetworkBuilder layer(Layer layer) {
        return layer(NamedLayer.typeOf(layer), layer);
    }

    /** A layer object listed under {@code type} instead of its class name. */
    public NetworkBuilder layer(String type, Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("layers[" + layers.size() + "]: the layer object is null");
        }
        objects.put(layers.size(), layer);
        layers.add(LayerSpec.of(type));
        return this;
    }

    public NetworkBuilder affine(int units) {
        return layer("affine", initialised(Map.of("units", units)));
    }

    public NetworkBuilder relu() {
        return layer("relu");
    }

    public NetworkBuilder sigmoid() {
        return layer("sigmoid");
    }

    public NetworkBuilder tanh() {
        return layer("tanh");
    }

    public NetworkBuilder dropout(double ratio) {
        return layer("dropout", Map.of("ratio", ratio));
    }

    public NetworkBuilder batchNorm() {
        return layer("batchnorm");
    }

    /** {@code filters} kernels of {@code size × size}, with stride and zero padding. */
    public NetworkBuilder convolution(int filters, int size, int stride, int pad) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("filters", filters);
        o.put("size", size);
        o.put("stride", stride);
        o.put("pad", pad);
        return layer("convolution", initialised(o));
    }

    /** Max-pooling over {@code size × size} windows with stride {@code size}. */
    public NetworkBuilder maxPool(int size) {
        return layer("pooling", Map.of("size", size));
    }

    public NetworkBuilder flatten() {
        return layer("flatten");
    }

    /** The loss by registry name, e.g. {@code softmax-with-loss}. */
    public NetworkBuilder loss(String type) {
        this.loss = LossConfig.of(type);
        this.lossObject = null;
        return this;
    }

    /** A loss object, listed by its class name like a {@linkplain #layer(Layer) layer object}. */
    public NetworkBuilder loss(Loss l) {
        if (l == null) {
            throw new IllegalArgumentException("loss: the loss object is null");
        }
        this.loss = LossConfig.of(NamedLayer.typeOf(l));
        this.lossObject = l;
        return this;
    }

    public NetworkBuilder optimizer(String type, Map<String, ?> options) {
        this.optimizer = new OptimizerConfig(type, Options.of(options));
        return this;
    }

    public NetworkBuilder training(TrainingConfig t) {
        this.training = t;
        return this;
    }

    public NetworkBuilder data(DataConfig d) {
        this.data = d;
        return this;
    }

    /** The configuration declared so far (what {@link NetworkConfig#toYaml()} would write). */
    public NetworkConfig config() {
        if (input.isEmpty()) {
            throw new ConfigException(null, 0, 0, "input", "the builder needs an input shape, e.g. input(784)");
        }
        if (layers.isEmpty()) {
            throw new ConfigException(null, 0, 0, "layers", "the builder needs at least one layer");
        }
        if (loss == null) {
            throw new ConfigException(null, 0, 0, "loss", "the builder needs a loss, e.g. loss(\"softmax-with-loss\")");
        }
        return new NetworkConfig(name, dtype, seed, input, layers, loss, optimizer, training, data,
                ConfigOrigin.none());
    }

    /** The network; an impossible stack fails naming the layer. */
    public Network build() {
        return Network.of(config(), objects, lossObject);
    }

    private Map<String, Object> initialised(Map<String, Object> options) {
        Map<String, Object> m = new LinkedHashMap<>(options);
        if (init != null) {
            m.put("init", init);
        }
        return m;
    }
}
