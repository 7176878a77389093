package dev.dlfs.model;

import com.google.common.collect.ImmutableMap;
import dev.dlfs.layers.Layer;
import dev.dlfs.loss.Loss;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.Numerical;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's layered network: an ordered stack of layers and a loss, with {@code predict}, {@code loss},
 * {@code accuracy}, {@code gradient} by backpropagation and {@code numericalGradient}.
 *
 * <pre>{@code
 * Network net = Network.builder().input(784).affine(50).relu().affine(10).loss("softmax-with-loss").build();
 * net.gradient(xBatch, tBatch);                 // fills every parameter's grad
 * optimizer.step(net.parameters());
 * double acc = net.accuracy(xTest, tTest);
 * }</pre>
 *
 * Parameters are named {@code <layer>.<local>} ({@code affine1.W}, {@code conv1.b}, {@code batchnorm1.gamma}); the
 * book's names ({@code W1}, {@code b1}, {@code gamma1} …) are available through {@link #bookNames()}.
 * Tensors returned by the layers are reused between calls, so {@link #forward} results are valid until the next
 * call; {@link #predict} returns a fresh tensor.
 */
public final class Network {
    private final NetworkConfig config;
    private final List<NamedLayer> layers;
    private final Loss loss;
    private final List<Parameter> parameters;
    private final Map<String, Parameter> byName;
    private final Map<String, Tensor> buffers;
    private final Map<String, Tensor> grads;
    private final int[] inputShape;
    private final int[] outputShape;
    private final int firstTrained;
    private double lastLoss = Double.NaN;

    private Network(NetworkConfig config, Map<Integer, Layer> givenLayers, Loss givenLoss) {
        this.config = config;
        // The product kernels compile in the background while the caller reads its data.
        Gemm.warmUp(config.dtype());
        this.layers = List.copyOf(NetworkAssembly.layers(config, givenLayers));
        this.loss = NetworkAssembly.loss(config, givenLoss);
        // Neighbours share passes where they can: a ReLU after an affine or convolution layer is applied there.
        for (int i = 1; i < layers.size(); i++) {
            layers.get(i).layer().fuseAfter(layers.get(i - 1).layer());
        }
        List<Parameter> ps = new ArrayList<>();
        Map<String, Tensor> bs = new LinkedHashMap<>();
        for (NamedLayer l : layers) {
            for (Parameter p : l.layer().parameters()) {
                ps.add(p.renamed(l.name() + "." + p.name()));
            }
            l.layer().buffers().forEach((k, v) -> bs.put(l.name() + "." + k, v));
        }
        this.parameters = List.copyOf(ps);
        Map<String, Parameter> names = new LinkedHashMap<>();
        Map<String, Tensor> gs = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (names.put(p.name(), p) != null) {
                throw new IllegalStateException("two parameters are named " + p.name());
            }
            gs.put(p.name(), p.grad());
        }
        this.byName = Collections.unmodifiableMap(names);
        this.buffers = Collections.unmodifiableMap(bs);
        this.grads = Collections.unmodifiableMap(gs);
        this.inputShape = config.inputShape();
        this.outputShape = layers.getLast().outputShape();
        // Backpropagation ends at the first layer with parameters, which need not compute the gradient of its input.
        int first = 0;
        while (first < layers.size() - 1 && layers.get(first).layer().parameters().isEmpty()) {
            first++;
        }
        this.firstTrained = first;
        layers.get(first).layer().needInputGradient(false);
    }

    /** Builds the network a configuration declares; problems are {@link ConfigException}s located in it. */
    public static Network of(NetworkConfig config) {
        return new Network(config, Map.of(), null);
    }

    /**
     * The book's way: a network of layer objects in order and a loss, for samples of {@code inputShape}. The element
     * type is that of the layers' parameters (float32 if none has any); layers are named by their class
     * ({@code Scale} → {@code scale1}).
     * <pre>{@code
     * Network net = Network.of(List.of(new Scale(2), new Bias()), LossRegistry.create("mean-squared-error",
     *         Options.empty()), 3);
     * }</pre>
     * The network uses the objects themselves, not copies: give each network objects of its own.
     */
    public static Network of(List<? extends Layer> layers, Loss loss, int... inputShape) {
        NetworkBuilder b = builder().input(inputShape).dtype(dtypeOf(layers));
        layers.forEach(b::layer);
        return b.loss(loss).build();
    }

    /** Used by {@link NetworkBuilder#build()}: {@code givenLayers} by position, each listed in the config by type. */
    static Network of(NetworkConfig config, Map<Integer, Layer> givenLayers, Loss givenLoss) {
        return new Network(config, Map.copyOf(givenLayers), givenLoss);
    }

    private static DType dtypeOf(List<? extends Layer> layers) {
        for (Layer l : layers) {
            for (Parameter p : l.parameters()) {
                return p.value().dtype();
            }
        }
        return DType.FLOAT32;
    }

    /** A fluent builder: input shape, layers, loss, dtype, seed and initialiser. */
    public static NetworkBuilder builder() {
        return new NetworkBuilder();
    }

    /**
     * A builder that starts from a configuration read from YAML: everything it declares, to which layer objects (or
     * more declared layers) are appended before the loss, e.g.
     * {@code Network.builder(NetworkConfig.load(file)).layer(new Scale(2)).build()}.
     */
    public static NetworkBuilder builder(NetworkConfig config) {
        return new NetworkBuilder().from(config);
    }

    /** The configuration this network was built from. */
    public NetworkConfig config() {
        return config;
    }

    public DType dtype() {
        return config.dtype();
    }

    /** The layers in order, with their names and shapes. */
    public List<NamedLayer> layers() {
        return layers;
    }

    /** The loss after the last layer. */
    public Loss lossLayer() {
        return loss;
    }

    /** Per-sample input shape. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Per-sample output shape of the last layer. */
    public int[] outputShape() {
        return outputShape.clone();
    }

    /**
     * The last layer's output for a batch. {@code training} reaches every layer (Dropout drops, BatchNorm uses the
     * batch statistics). The result is the layer's own buffer: valid until the next call.
     */
    public Tensor forward(Tensor x, boolean training) {
        Tensor h = fitInput(x);
        for (NamedLayer l : layers) {
            h = l.layer().forward(h, training);
        }
        return h;
    }

    /** Inference: the last layer's output (scores before the loss) as a new tensor. */
    public Tensor predict(Tensor x) {
        return ChunkedInference.predict(this, x);
    }

    /** The loss for a batch in inference mode (the book's {@code loss(x, t)}). */
    public double loss(Tensor x, Tensor t) {
        return loss(x, t, false);
    }

    /** The loss for a batch in training or inference mode. */
    public double loss(Tensor x, Tensor t, boolean training) {
        return loss.forward(forward(x, training), t);
    }

    /** The fraction of samples whose largest score is the target class (one-hot rows or class indices). */
    public double accuracy(Tensor x, Tensor t) {
        return x.dim(0) == 0 ? 0 : (double) countCorrect(x, t) / x.dim(0);
    }

    /** The number of samples classified correctly, in inference mode, evaluated in large chunks. */
    public int countCorrect(Tensor x, Tensor t) {
        return ChunkedInference.countCorrect(this, x, t);
    }

    /**
     * Backpropagation: a training-mode forward pass, the loss, and the backward pass through every layer. The
     * gradients are written into the parameters' {@code grad} tensors; the returned map (by parameter name) holds
     * those same tensors. {@link #lastLoss()} then gives the loss of the forward pass. The pass stops at the first
     * layer with parameters, which is told not to compute the gradient of its input (nothing needs it).
     */
    public Map<String, Tensor> gradient(Tensor x, Tensor t) {
        lastLoss = loss.forward(forward(x, true), t);
        Tensor dout = loss.backward();
        for (int i = layers.size() - 1; i >= firstTrained; i--) {
            dout = layers.get(i).layer().backward(dout);
        }
        return grads;
    }

    /** The loss of the last {@link #gradient} call (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    /**
     * The gradient by central differences (the book's {@code numerical_gradient}, step 1e-4), each parameter element
     * perturbed in place and restored; uses the training-mode loss like the book's gradient check. Slow: for tests.
     */
    public Map<String, Tensor> numericalGradient(Tensor x, Tensor t) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            out.put(p.name(), Numerical.numericalGradient(() -> loss(x, t, true), p.value(), Numerical.H));
        }
        return out;
    }

    /** Trainable parameters, named {@code affine1.W} …, in layer order; optimizers update these in place. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameter of that name, e.g. {@code affine1.W}, or of that book name, e.g. {@code W1}. */
    public Parameter parameter(String name) {
        Parameter p = byName.get(name);
        if (p == null && bookNames().containsKey(name)) {
            p = byName.get(bookNames().get(name));
        }
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; parameters: " + byName.keySet());
        }
        return p;
    }

    /** Parameter values by name. */
    public Map<String, Tensor> params() {
        return parameters.stream().collect(ImmutableMap.toImmutableMap(Parameter::name, Parameter::value));
    }

    /** State saved with the parameters but not trained (BatchNorm's running statistics), by name. */
    public Map<String, Tensor> buffers() {
        return buffers;
    }

    /** The book's name of every parameter and buffer ({@code W1 -> affine1.W}, {@code gamma1 -> batchnorm1.gamma}). */
    public Map<String, String> bookNames() {
        Map<String, String> out = new LinkedHashMap<>(BookNames.of(List.copyOf(byName.keySet())));
        out.putAll(BookNames.of(List.copyOf(buffers.keySet())));
        return Collections.unmodifiableMap(out);
    }

    /** The number of trainable values. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.value().size();
        }
        return n;
    }

    /** A table of layers, output shapes and parameter counts. */
    public String summary() {
        return NetworkSummary.of(this);
    }

    /** {@code x} as {@code (N, input shape)}: flat rows fit a {@code [1, 28, 28]} input and the other way round. */
    private Tensor fitInput(Tensor x) {
        int[] in = inputShape;
        if (x.dtype() != config.dtype() || x.rank() < 1 || x.size() != x.dim(0) * Shapes.size(in)) {
            StringBuilder want = new StringBuilder("(N");
            for (int d : in) {
                want.append(", ").append(d);
            }
            throw new IllegalArgumentException(config.name() + ": input " + x.describe() + " does not fit: expected "
                    + config.dtype() + " " + want + ")");
        }
        if (x.rank() == in.length + 1 && java.util.Arrays.equals(x.shape(), 1, x.rank(), in, 0, in.length)) {
            return x;
        }
        int[] shape = new int[in.length + 1];
        shape[0] = x.dim(0);
        System.arraycopy(in, 0, shape, 1, in.length);
        return x.reshape(shape);
    }
}
