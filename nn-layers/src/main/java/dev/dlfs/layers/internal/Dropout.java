package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import java.util.random.RandomGenerator;

/**
 * The book's Dropout: in training, each element is dropped with probability {@code ratio} (a fresh mask per
 * forward pass, drawn from the layer's own seeded generator).
 *
 * <p>Two conventions keep the expected output equal between training and inference: {@link Scaling#INVERTED}
 * (common today) divides the kept elements by {@code 1 − ratio} in training and leaves inference alone;
 * {@link Scaling#BOOK} keeps training unscaled and multiplies by {@code 1 − ratio} at inference, as the book's
 * code does, so that networks trained with it can be loaded and give the book's outputs.
 */
final class Dropout implements Layer {
    /** Where the {@code 1 − ratio} correction goes. */
    enum Scaling {
        INVERTED, BOOK
    }

    private final double ratio;
    private final Scaling scaling;
    private final RandomGenerator rng;
    private final Workspace out = new Workspace();
    private final Workspace mask = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor lastMask;
    private boolean lastTraining;

    Dropout(double ratio, Scaling scaling, RandomGenerator rng) {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException("dropout: ratio must be in [0, 1), got " + ratio);
        }
        this.ratio = ratio;
        this.scaling = scaling;
        this.rng = rng;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        lastTraining = training;
        if (!training) {
            return scaling == Scaling.BOOK ? x.mul(1 - ratio, out.get(x.dtype(), x.shape())) : x;
        }
        Tensor m = mask.get(x.dtype(), x.shape());
        double keep = scaling == Scaling.INVERTED ? 1 / (1 - ratio) : 1;
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, rng.nextDouble() > ratio ? keep : 0);   // the book keeps where rand > ratio
        }
        lastMask = m;
        return x.mul(m, out.get(x.dtype(), x.shape()));
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (lastTraining) {
            if (lastMask == null) {
                throw new IllegalStateException("dropout: backward before forward");
            }
            return dout.mul(lastMask, dx.get(dout.dtype(), dout.shape()));
        }
        return scaling == Scaling.BOOK ? dout.mul(1 - ratio, dx.get(dout.dtype(), dout.shape()))
                : dout;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
