package dev.dlfs.examples;

import dev.dlfs.tensor.Tensor;

/** A first look at tensors: creation, shapes, printing. */
public final class TensorTour {
    private TensorTour() {
    }

    public static void main(String[] args) {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        System.out.println("a = " + a);
        System.out.println("a.reshape(4) = " + a.reshape(4));
    }
}
