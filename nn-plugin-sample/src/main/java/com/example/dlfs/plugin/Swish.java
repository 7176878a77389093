package com.example.dlfs.plugin;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;

/**
 * Swish (also called SiLU when β = 1): {@code y = x·σ(βx)}. Smooth, and unlike ReLU it lets a little gradient
 * through for negative inputs: {@code dy/dx = σ(βx) + β·y·(1 − σ(βx))}.
 */
final class Swish implements Layer {
    private final double beta;
    private final Workspace sig = new Workspace();
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor s;
    private Tensor y;

    Swish(double beta) {
        this.beta = beta;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        s = x.mul(beta, sig.like(x)).sigmoidInPlace();
        y = x.mul(s, out.like(x));
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (s == null) {
            throw new IllegalStateException("swish: backward before forward");
        }
        // σ + β·y·(1 − σ), built in one buffer: −σ, +1, ·y, ·β, +σ, then times the upstream gradient.
        Tensor g = s.neg(dx.like(s));
        return g.addInPlace(1.0).mulInPlace(y).mulInPlace(beta).addInPlace(s).mulInPlace(dout);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
