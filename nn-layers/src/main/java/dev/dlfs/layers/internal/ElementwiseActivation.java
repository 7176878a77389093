package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.kernels.ActivationKernels;
import dev.dlfs.layers.kernels.ActivationKernels.Function;
import dev.dlfs.tensor.Tensor;

/**
 * An activation applied element by element, such as the book's Relu and Sigmoid layers. The backward pass reads
 * either the forward output (relu, sigmoid, tanh) or the forward input (softplus).
 */
class ElementwiseActivation implements Layer {
    private final Function function;
    private final boolean backwardReadsInput;
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor saved;

    ElementwiseActivation(Function function, boolean backwardReadsInput) {
        this.function = function;
        this.backwardReadsInput = backwardReadsInput;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor y = ActivationKernels.apply(function, x, out.get(x.dtype(), x.shape()));
        saved = backwardReadsInput ? x : y;
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (saved == null) {
            throw new IllegalStateException(this + ": backward before forward");
        }
        return ActivationKernels.backward(function, saved, dout, dx.get(dout.dtype(), dout.shape()));
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public String toString() {
        return function.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The book's Relu: max(0, x). */
    static final class Relu extends ElementwiseActivation {
        Relu() {
            super(Function.RELU, false);
        }
    }

    /** The book's Sigmoid: 1 / (1 + e^−x). */
    static final class Sigmoid extends ElementwiseActivation {
        Sigmoid() {
            super(Function.SIGMOID, false);
        }
    }

    /** tanh(x). */
    static final class Tanh extends ElementwiseActivation {
        Tanh() {
            super(Function.TANH, false);
        }
    }

    /** log(1 + eˣ), a smooth relu. */
    static final class Softplus extends ElementwiseActivation {
        Softplus() {
            super(Function.SOFTPLUS, true);
        }
    }

    /** The perceptron's step function: 1 where x &gt; 0, else 0. It has no useful gradient and says so. */
    static final class Step extends ElementwiseActivation {
        Step() {
            super(Function.STEP, false);
        }

        @Override
        public Tensor backward(Tensor dout) {
            throw ActivationKernels.noStepGradient();
        }
    }
}
