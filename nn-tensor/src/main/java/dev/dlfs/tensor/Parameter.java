package dev.dlfs.tensor;

/**
 * A trainable tensor and the gradient that backpropagation writes for it.
 *
 * @param name        unique name within a network, e.g. {@code affine1.W}
 * @param value       the parameter itself, updated in place by an optimizer
 * @param grad        its gradient, same shape and dtype as {@code value}
 * @param regularized whether weight decay applies (weights yes; biases and BatchNorm's gamma/beta no, as in the book)
 */
public record Parameter(String name, Tensor value, Tensor grad, boolean regularized) {
    public Parameter {
        if (!java.util.Arrays.equals(value.shape(), grad.shape()) || value.dtype() != grad.dtype()) {
            throw new IllegalArgumentException("parameter " + name + ": value " + value.describe()
                    + " and gradient " + grad.describe() + " differ in shape or dtype");
        }
    }

    /** A parameter with a fresh zero gradient. */
    public static Parameter of(String name, Tensor value, boolean regularized) {
        return new Parameter(name, value, Tensor.zeros(value.dtype(), value.shape()), regularized);
    }

    /** The same tensors under another name (a network prefixes layer parameters with the layer's name). */
    public Parameter renamed(String newName) {
        return new Parameter(newName, value, grad, regularized);
    }
}
