package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.ActivationKernels;

/** The book's Relu: {@code max(0, x)}; the gradient flows back only where the output was positive. */
final class Relu implements Layer {
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor y;
    /** The layer before this one rectifies its own output, so this one passes it through. */
    private boolean inputRectified;

    @Override
    public Tensor forward(Tensor x, boolean training) {
        y = inputRectified ? x : ActivationKernels.relu(x, out.get(x.dtype(), x.shape()));
        return y;
    }

    @Override
    public boolean fuseAfter(Layer previous) {
        inputRectified = previous.rectifyOutput();
        return inputRectified;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (y == null) {
            throw new IllegalStateException("relu: backward before forward");
        }
        return ActivationKernels.reluBackward(y, dout, dx.get(dout.dtype(), dout.shape()));
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public String toString() {
        return "relu";
    }
}
