package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.ActivationKernels;

/** {@code log(1 + eˣ)}, a smooth relu; its derivative is {@code sigmoid(x)}, so backward keeps the input. */
final class Softplus implements Layer {
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor x;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        this.x = x;
        return ActivationKernels.softplus(x, out.get(x.dtype(), x.shape()));
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (x == null) {
            throw new IllegalStateException("softplus: backward before forward");
        }
        return ActivationKernels.softplusBackward(x, dout, dx.get(dout.dtype(), dout.shape()));
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public String toString() {
        return "softplus";
    }
}
