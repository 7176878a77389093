package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.kernels.ElementwiseLoss;
import dev.dlfs.tensor.Tensor;

/** A built-in element-wise loss (mean squared error, Huber, …) as a {@link Loss} plugin. */
record ElementwiseLossAdapter(ElementwiseLoss loss) implements Loss {
    @Override
    public double forward(Tensor y, Tensor t) {
        return loss.forward(y, t);
    }

    @Override
    public Tensor backward() {
        return loss.backward();
    }

    @Override
    public Tensor output(Tensor y) {
        return loss.output(y);
    }
}
