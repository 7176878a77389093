package dev.dlfs.examples.loss;

import dev.dlfs.examples.Example;
import dev.dlfs.examples.ExampleContext;
import dev.dlfs.examples.NumpyStyle;
import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossRegistry;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;

/** The book's loss-function examples (ch04) and softmax (ch03), through the loss registry. */
public final class LossExample implements Example {
    /** The book's prediction: "2" is the most likely digit (0.6). */
    static final double[] Y_RIGHT = {0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0};
    /** The book's second prediction: "7" is the most likely digit (0.6), but the answer is 2. */
    static final double[] Y_WRONG = {0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0};

    @Override
    public String name() {
        return "loss";
    }

    @Override
    public String description() {
        return "the book's mean squared error and cross-entropy examples (ch04); softmax of [0.3, 2.9, 4.0]";
    }

    @Override
    public void run(ExampleContext c) {
        c.println("== Softmax (ch03) ==");
        c.println("softmax([0.3, 2.9, 4.0]) = " + NumpyStyle.array(softmax(0.3, 2.9, 4.0))
                + "   (the book: [0.01821127 0.24519181 0.73659691], sum 1.0)");
        c.println("softmax([1010, 1000, 990]) = " + NumpyStyle.array(softmax(1010, 1000, 990))
                + "   (no overflow: the row maximum is subtracted first)");
        c.println("");

        c.println("== Loss functions (ch04); the answer is 2: t = [0 0 1 0 0 0 0 0 0 0] ==");
        c.println("y (most likely 2) = " + NumpyStyle.array(Y_RIGHT));
        c.println("y (most likely 7) = " + NumpyStyle.array(Y_WRONG));
        c.printf("mean squared error:  %s and %s   (the book: 0.09750000000000003 and 0.5975)%n",
                NumpyStyle.scalar(meanSquaredError(Y_RIGHT)), NumpyStyle.scalar(meanSquaredError(Y_WRONG)));
        c.printf("cross-entropy error: %s and %s   (the book: 0.510825457099338 and 2.302584092994546)%n",
                NumpyStyle.scalar(crossEntropy(Y_RIGHT)), NumpyStyle.scalar(crossEntropy(Y_WRONG)));
        c.println("The loss is smaller when the network is confident of the right answer.");
        double[] p = {0.05, 0.05, 0.7, 0.05, 0.02, 0.03, 0.03, 0.03, 0.02, 0.02};
        c.printf("softmax-with-loss on the scores log(y) equals cross-entropy on y: %.10f = %.10f%n",
                softmaxWithLoss(p), crossEntropy(p));
    }

    static double[] softmax(double... a) {
        return Tensor.of(a).softmax().toDoubleArray();
    }

    /** The book's {@code mean_squared_error(y, t)} for one sample, with the registry's loss. */
    static double meanSquaredError(double[] y) {
        return loss("mean-squared-error").forward(Tensor.of(y), answerTwo());
    }

    /**
     * The book's {@code cross_entropy_error(y, t) = -Σ t·log(y + 1e-7)} for one sample of probabilities, written with
     * tensor operations: the registry's cross-entropy losses take scores and apply softmax (or sigmoid) themselves.
     */
    static double crossEntropy(double[] y) {
        return -answerTwo().mul(Tensor.of(y).add(1e-7).log()).sumAll();
    }

    /** The registry's softmax-with-loss on scores whose softmax is {@code y}: the same number, from the scores. */
    static double softmaxWithLoss(double[] y) {
        return loss("softmax-with-loss").forward(Tensor.of(y, 1, y.length).log(), answerTwo().reshape(1, 10));
    }

    private static Loss loss(String name) {
        return LossRegistry.create(name, Options.empty());
    }

    private static Tensor answerTwo() {
        Tensor t = Tensor.zeros(dev.dlfs.tensor.DType.FLOAT64, 10);
        t.setFlat(2, 1);
        return t;
    }
}
