package dev.dlfs.spark;

import java.io.Serializable;

/**
 * The DataFrame columns that hold the samples and their class labels.
 *
 * @param features samples: {@code array<float>}, {@code array<double>} or an ML vector, flattened row-major
 * @param label    class indices: int, long, short or byte
 */
public record Columns(String features, String label) implements Serializable {
    /** The columns {@code features} and {@code label}. */
    public static final Columns DEFAULT = new Columns("features", "label");
}
