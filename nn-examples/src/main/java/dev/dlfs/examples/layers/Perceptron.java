package dev.dlfs.examples.layers;

import dev.dlfs.tensor.Tensor;

/**
 * The book's perceptron (ch02): output 1 when {@code w·x + b > 0}, else 0.
 *
 * @param w the two weights
 * @param b the bias
 */
record Perceptron(double w1, double w2, double b) {
    static final Perceptron AND = new Perceptron(0.5, 0.5, -0.7);
    static final Perceptron NAND = new Perceptron(-0.5, -0.5, 0.7);
    static final Perceptron OR = new Perceptron(0.5, 0.5, -0.2);

    int fire(int x1, int x2) {
        Tensor x = Tensor.of(new double[] {x1, x2});
        Tensor w = Tensor.of(new double[] {w1, w2});
        return x.mul(w).sumAll() + b > 0 ? 1 : 0;
    }

    /** XOR is not linearly separable; the book builds it from two layers: AND(NAND(x), OR(x)). */
    static int xor(int x1, int x2) {
        return AND.fire(NAND.fire(x1, x2), OR.fire(x1, x2));
    }
}
