package dev.dlfs.loss;

import dev.dlfs.tensor.Tensor;

/**
 * A loss: a scalar from a batch of predictions and targets, and its gradient with respect to the predictions.
 * The batch is axis 0 (a 1-D prediction is one sample); targets are one-hot or value rows of the prediction's shape,
 * or class indices (the prediction's shape without its last axis, e.g. {@code (N,)}).
 *
 * <pre>{@code
 * Loss loss = LossRegistry.create("softmax-with-loss", Options.empty());
 * double l = loss.forward(scores, labels);   // mean cross-entropy of softmax(scores)
 * Tensor dx = loss.backward();               // (softmax(scores) - t) / batch
 * }</pre>
 *
 * <p>A loss keeps state between {@code forward} and {@code backward}: use one instance per model and thread.
 */
public interface Loss {
    /** The mean loss over the batch; remembers what {@link #backward()} needs. */
    double forward(Tensor y, Tensor t);

    /**
     * The gradient of the last {@link #forward} result with respect to {@code y}, with {@code dout = 1}: same shape
     * and dtype as {@code y}. It may be a workspace that the next {@code forward} overwrites; copy it to keep it.
     */
    Tensor backward();

    /**
     * What the network's raw output {@code y} means to this loss, for showing predictions: softmax probabilities for
     * softmax-with-loss, sigmoid probabilities for sigmoid-with-loss, {@code y} itself (not a copy) for regression
     * losses. Needs no target and leaves the state of {@code forward} alone.
     */
    default Tensor output(Tensor y) {
        return y;
    }
}
