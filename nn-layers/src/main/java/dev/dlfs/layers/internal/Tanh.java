package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.ActivationKernels;

/** {@code y = tanh(x)}, whose backward pass needs only y: {@code dout·(1 − y²)}. */
final class Tanh implements Layer {
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor y;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        y = x.tanh(out.get(x.dtype(), x.shape()));
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (y == null) {
            throw new IllegalStateException("tanh: backward before forward");
        }
        return ActivationKernels.tanhBackward(y, dout, dx.get(dout.dtype(), dout.shape()));
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public String toString() {
        return "tanh";
    }
}
