package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.ActivationKernels;

/**
 * Softmax over each row (the last axis) as a layer: the output activation of the book's chapter 3 network, for
 * inference. Training uses softmax-with-loss instead; this backward pass is the plain softmax Jacobian.
 */
final class Softmax implements Layer {
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor y;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        y = x.softmax(out.get(x.dtype(), x.shape()));
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (y == null) {
            throw new IllegalStateException("softmax: backward before forward");
        }
        return ActivationKernels.softmaxBackward(y, dout, dx.get(dout.dtype(), dout.shape()));
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
