// Generated from FloatConvolutions.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.simd.DoubleSum;

/** float64 loops of {@link ConvolutionKernels} on raw arrays. */
final class DoubleConvolutions {
    // Tiles keep both the rows read and the rows written in cache.
    private static final int TILE = 32;

    private DoubleConvolutions() {
    }

    /**
     * {@code dst[b][c][r] = src[b][r][c] + bias[c]} (no bias if null) for {@code blocks} matrices of rows × cols.
     */
    static void transposeBlocks(double[] src, int so, double[] bias, int bo, double[] dst, int dOff, int blocks,
                                int rows, int cols) {
        for (int b = 0; b < blocks; b++) {
            int s0 = so + b * rows * cols;
            int d0 = dOff + b * rows * cols;
            for (int r0 = 0; r0 < rows; r0 += TILE) {
                int r1 = Math.min(rows, r0 + TILE);
                for (int c = 0; c < cols; c++) {
                    int dRow = d0 + c * rows;
                    double add = bias == null ? 0 : bias[bo + c];
                    for (int r = r0; r < r1; r++) {
                        dst[dRow + r] = src[s0 + r * cols + c] + add;
                    }
                }
            }
        }
    }

    /**
     * {@code out[c] = Σ_b Σ_p x[b][c][p]} for x of blocks × channels × plane: each plane summed in {@link DoubleSum}'s
     * fixed order, the planes added in float64 in block order.
     */
    static void channelSums(double[] x, int xo, int blocks, int channels, int plane, double[] out, int oo) {
        for (int c = 0; c < channels; c++) {
            double total = 0;
            for (int b = 0; b < blocks; b++) {
                total += DoubleSum.of(x, xo + (b * channels + c) * plane, plane);
            }
            out[oo + c] = (double) total;
        }
    }
}
