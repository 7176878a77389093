package dev.dlfs.layers;

import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * One layer of a network, with the book's two passes: {@code forward} remembers what {@code backward} needs.
 * Tensors carry the batch on axis 0; shapes elsewhere in this interface are per sample (without the batch axis).
 *
 * <p>Tensors passed in are only read, and must stay unchanged until the matching {@code backward}. Tensors returned
 * may be the layer's own buffers, reused by its next call (so a warm training step allocates nothing): copy one to
 * keep it. {@code backward} overwrites the parameter gradients (it does not add to them).
 *
 * <p>A layer that scales its input by a learned factor:
 * <pre>{@code
 * final class Scale implements Layer {
 *     private final Parameter k = Parameter.of("k", Tensor.ones(1), false);
 *     private Tensor x;
 *     public Tensor forward(Tensor x, boolean training) { this.x = x; return x.mul(k.value()); }
 *     public Tensor backward(Tensor dout) {
 *         k.grad().fill(dout.mul(x).sumAll());
 *         return dout.mul(k.value());
 *     }
 *     public List<Parameter> parameters() { return List.of(k); }
 *     public int[] outputShape(int[] inputShape) { return inputShape; }
 * }
 * }</pre>
 * Such an object goes straight into a network, beside declared layers, with no provider to write:
 * {@code Network.builder().input(784).affine(50).layer(new Scale()).relu()...} (a provider is what makes a layer
 * usable by name from YAML).
 */
public interface Layer {
    /** Computes the output for a batch; {@code training} selects e.g. Dropout's and BatchNorm's training behaviour. */
    Tensor forward(Tensor x, boolean training);

    /**
     * Given the gradient of the loss with respect to the last output, writes the parameter gradients and returns
     * the gradient with respect to the last input (null if {@link #needInputGradient} turned it off).
     */
    Tensor backward(Tensor dout);

    /**
     * Whether {@code backward} must return the input gradient (it must, unless told otherwise). A network tells its
     * first layer {@code false}, since nobody needs the gradient of the data: Affine and Convolution then skip that
     * product (a third of their backward work) and their {@code backward} returns null. Layers may ignore this.
     */
    default void needInputGradient(boolean needed) {
    }

    /**
     * Asks the layer to apply ReLU to its own output from now on, {@code max(y, 0)} with {@code Math.max}'s NaN rule,
     * in the pass that writes it; returns whether it will (by default it will not). A ReLU that follows the layer
     * asks, from {@link #fuseAfter}, and then passes its input through: one pass over the activations fewer. Affine
     * and Convolution agree, doing it as they add their bias.
     */
    default boolean rectifyOutput() {
        return false;
    }

    /**
     * Offered the layer before this one when a network is assembled, so that the two may share a pass; returns
     * whether they now do (by default they do not). The network's results keep their bits either way.
     */
    default boolean fuseAfter(Layer previous) {
        return false;
    }

    /** Trainable parameters with their gradients, named locally ({@code W}, {@code b}, {@code gamma} …). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** State that is saved but not trained, e.g. BatchNorm's running mean and variance. */
    default Map<String, Tensor> buffers() {
        return Map.of();
    }

    /** The per-sample output shape for a per-sample input shape; throws if the input shape is impossible. */
    int[] outputShape(int[] inputShape);
}
