// Generated from FloatAffine.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.fused;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** float64 loops of {@link AffineKernels} on raw arrays. */
final class DoubleAffine {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleAffine() {
    }

    /**
     * {@code y[r][j] += b[j]} for y of rows × cols, then {@code max(y[r][j], 0)} if {@code rectify} (the bits of a
     * ReLU layer after it: {@code Math.max}'s NaN rule in every lane and in the tail): one plain pass, vectors across
     * columns.
     */
    static void addBias(double[] y, int yo, int rows, int cols, double[] b, int bo, boolean rectify) {
        for (int r = 0; r < rows; r++) {
            int base = yo + r * cols;
            if (rectify) {
                addRectified(y, base, cols, b, bo);
                continue;
            }
            int i = 0;
            for (int end = S.loopBound(cols); i < end; i += S.length()) {
                DoubleVector.fromArray(S, y, base + i).add(DoubleVector.fromArray(S, b, bo + i)).intoArray(y, base + i);
            }
            for (; i < cols; i++) {
                y[base + i] += b[bo + i];
            }
        }
    }

    private static void addRectified(double[] y, int base, int cols, double[] b, int bo) {
        int i = 0;
        for (int end = S.loopBound(cols); i < end; i += S.length()) {
            DoubleVector.fromArray(S, y, base + i).add(DoubleVector.fromArray(S, b, bo + i)).max(0.0)
                    .intoArray(y, base + i);
        }
        for (; i < cols; i++) {
            y[base + i] = Math.max(y[base + i] + b[bo + i], 0.0);
        }
    }

    /** {@code s[j] = Σ_r m[r][j]} for m of rows × cols: each column from 0, row by row; vectors across columns. */
    static void columnSums(double[] m, int mo, int rows, int cols, double[] s, int so) {
        Arrays.fill(s, so, so + cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int base = mo + r * cols;
            int i = 0;
            for (int end = S.loopBound(cols); i < end; i += S.length()) {
                DoubleVector.fromArray(S, s, so + i).add(DoubleVector.fromArray(S, m, base + i))
                        .intoArray(s, so + i);
            }
            for (; i < cols; i++) {
                s[so + i] += m[base + i];
            }
        }
    }
}
