package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;

/** (N, d1, d2, …) to (N, d1·d2·…), e.g. between the convolutional and the affine part of a network; no copy. */
final class Flatten implements Layer {
    private int[] inputShape;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (x.rank() == 0) {
            throw new IllegalArgumentException("flatten: input must have a batch axis, got " + x.describe());
        }
        inputShape = x.shape();
        return x.reshape(x.dim(0), x.dim(0) == 0 ? 0 : x.size() / x.dim(0));
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (inputShape == null) {
            throw new IllegalStateException("flatten: backward before forward");
        }
        if (dout.size() != Shapes.size(inputShape)) {
            throw new IllegalArgumentException("flatten backward: gradient " + dout.describe()
                    + " does not match the last input " + Shapes.format(inputShape));
        }
        return dout.reshape(inputShape);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return new int[] {Shapes.size(inputShape)};
    }
}
