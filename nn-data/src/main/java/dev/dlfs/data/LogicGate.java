package dev.dlfs.data;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.List;

/**
 * The logic gates of the book's chapter 2 as four-sample data sets: inputs {@code (0,0), (1,0), (0,1), (1,1)} in the
 * book's order, targets the gate's output as class 0 or 1. XOR is the one a single perceptron cannot learn.
 */
public enum LogicGate {
    AND, OR, NAND, XOR;

    private static final int[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    /** The gate's output for inputs {@code a} and {@code b} (each 0 or 1). */
    public int apply(int a, int b) {
        return switch (this) {
            case AND -> a & b;
            case OR -> a | b;
            case NAND -> 1 - (a & b);
            case XOR -> a ^ b;
        };
    }

    /** The four samples {@code x (4, 2)} with index targets {@code (4,)} or one-hot targets {@code (4, 2)}. */
    public Dataset dataset(DType dtype, boolean oneHot) {
        Tensor x = Tensor.zeros(dtype, 4, 2);
        int[] labels = new int[4];
        for (int i = 0; i < 4; i++) {
            x.set(INPUTS[i][0], i, 0);
            x.set(INPUTS[i][1], i, 1);
            labels[i] = apply(INPUTS[i][0], INPUTS[i][1]);
        }
        return new Dataset(name().toLowerCase(java.util.Locale.ROOT), x, Labels.targets(labels, 2, oneHot, dtype), 2,
                List.of("0", "1"));
    }
}
