package com.example.dlfs.plugin;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;

/** Leaky ReLU: {@code y = x} for positive inputs and {@code α·x} otherwise, so no unit ever stops learning. */
final class LeakyRelu implements Layer {
    private final double alpha;
    private final Workspace mask = new Workspace();
    private final Workspace scaled = new Workspace();
    private final Workspace out = new Workspace();
    private final Workspace grad = new Workspace();
    private Tensor positive;

    LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        positive = x.gt(0.0, mask.like(x));
        return Tensor.where(positive, x, x.mul(alpha, scaled.like(x)), out.like(x));
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (positive == null) {
            throw new IllegalStateException("leaky-relu: backward before forward");
        }
        return Tensor.where(positive, dout, dout.mul(alpha, scaled.like(dout)), grad.like(dout));
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
