package dev.dlfs.data;

import dev.dlfs.tensor.Tensor;
import java.util.List;

/**
 * Samples and their targets: {@code x} has the samples on axis 0 (e.g. {@code (60000, 784)} or
 * {@code (60000, 1, 28, 28)}); {@code t} holds class indices {@code (N,)} or one-hot rows {@code (N, classes)}.
 *
 * @param name       e.g. {@code mnist/train}
 * @param x          the samples
 * @param t          the targets
 * @param classes    number of classes (0 for regression targets)
 * @param classNames human-readable class names, or an empty list
 */
public record Dataset(String name, Tensor x, Tensor t, int classes, List<String> classNames) {
    public Dataset {
        if (x.rank() == 0 || t.rank() == 0 || x.dim(0) != t.dim(0)) {
            throw new IllegalArgumentException(name + ": samples " + x.describe() + " and targets "
                    + t.describe() + " differ in count");
        }
        classNames = List.copyOf(classNames);
    }

    /** Number of samples. */
    public int size() {
        return x.dim(0);
    }

    /** Whether targets are one-hot rows rather than class indices. */
    public boolean oneHot() {
        return t.rank() == 2 && classes > 0 && t.dim(1) == classes;
    }
}
