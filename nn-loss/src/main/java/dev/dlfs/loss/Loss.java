package dev.dlfs.loss;

import dev.dlfs.tensor.Tensor;

/**
 * A loss: a scalar from a batch of predictions and targets, and its gradient with respect to the predictions.
 * Targets are one-hot (same shape as the predictions) or class indices (one per row, shape {@code (N,)}).
 *
 * <pre>{@code
 * Loss loss = LossRegistry.create("softmax-with-loss", Options.empty());
 * double l = loss.forward(logits, labels);   // mean cross-entropy of softmax(logits)
 * Tensor dx = loss.backward();               // (softmax(logits) - t) / batch
 * }</pre>
 */
public interface Loss {
    /** The mean loss over the batch; remembers what {@link #backward()} needs. */
    double forward(Tensor y, Tensor t);

    /** The gradient of the last {@link #forward} result with respect to {@code y}, with {@code dout = 1}. */
    Tensor backward();
}
