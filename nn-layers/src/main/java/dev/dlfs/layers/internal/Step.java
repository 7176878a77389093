package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;

/** The perceptron's step function: 1 where x &gt; 0, else 0. It has no useful gradient and says so. */
final class Step implements Layer {
    private final Workspace out = new Workspace();

    @Override
    public Tensor forward(Tensor x, boolean training) {
        return x.gt(0.0, out.get(x.dtype(), x.shape()));
    }

    @Override
    public Tensor backward(Tensor dout) {
        throw new UnsupportedOperationException("step has no gradient: its derivative is 0 everywhere except at 0,"
                + " where it is undefined, so backpropagation cannot train through it; use step for perceptrons"
                + " with hand-set weights, and sigmoid or relu to train");
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public String toString() {
        return "step";
    }
}
