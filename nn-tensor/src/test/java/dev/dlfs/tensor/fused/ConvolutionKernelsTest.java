package dev.dlfs.tensor.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The moves between a convolution's product rows (N·P, C) and NCHW (N, C, H, W) against plain index loops, for
 * planes smaller and larger than a transpose tile and not multiples of it.
 */
class ConvolutionKernelsTest {
    /** (H, W) of the planes: P = 1, 6, 35 and 77 (more than two 32-row tiles). */
    private static final int[][] PLANES = {{1, 1}, {2, 3}, {5, 7}, {7, 11}};

    @Test
    void rowsToChannelsRearrangesAndAddsTheBias() {
        for (DType dtype : DType.values()) {
            for (int[] hw : PLANES) {
                int n = 3;
                int c = 5;
                int plane = hw[0] * hw[1];
                SplittableRandom rng = new SplittableRandom(plane);
                Tensor rows = Tensor.randn(rng, dtype, n * plane + 1, c).rows(1, n * plane + 1);
                Tensor bias = Tensor.randn(rng, dtype, c);
                int[] nchw = {n, c, hw[0], hw[1]};
                Tensor withBias = ConvolutionKernels.rowsToChannels(rows, bias, Tensor.zeros(dtype, nchw));
                Tensor without = ConvolutionKernels.rowsToChannels(rows, null, Tensor.zeros(dtype, nchw));
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < c; f++) {
                        for (int p = 0; p < plane; p++) {
                            double v = rows.get(i * plane + p, f);
                            double b = bias.getFlat(f);
                            double want = dtype == DType.FLOAT32 ? (float) v + (float) b : v + b;
                            int at = (i * c + f) * plane + p;
                            assertEquals(want, withBias.getFlat(at), dtype + " plane " + plane + " at " + at);
                            assertEquals(v, without.getFlat(at), dtype + " plane " + plane + " at " + at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void channelsToRowsIsTheInverseRearrangement() {
        for (DType dtype : DType.values()) {
            for (int[] hw : PLANES) {
                int n = 2;
                int c = 3;
                int plane = hw[0] * hw[1];
                Tensor x = Tensor.randn(new SplittableRandom(plane), dtype, n + 1, c, hw[0], hw[1]).rows(1, n + 1);
                Tensor rows = ConvolutionKernels.channelsToRows(x, Tensor.zeros(dtype, n * plane, c));
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < c; f++) {
                        for (int p = 0; p < plane; p++) {
                            assertEquals(x.getFlat((i * c + f) * plane + p), rows.get(i * plane + p, f),
                                    dtype + " plane " + plane);
                        }
                    }
                }
                Tensor back = ConvolutionKernels.rowsToChannels(rows, null, Tensor.zeros(dtype, n, c, hw[0], hw[1]));
                assertTrue(back.equals(x), "there and back");
            }
        }
    }

    @Test
    void shapesAndDtypesThatDoNotFitAreNamed() {
        Tensor out = Tensor.zeros(DType.FLOAT32, 2, 3, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionKernels.rowsToChannels(Tensor.zeros(DType.FLOAT32, 32, 4), null, out));
        assertTrue(e.getMessage().contains("float32(32, 4)") && e.getMessage().contains("(32, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionKernels.rowsToChannels(Tensor.zeros(DType.FLOAT64, 32, 3), null, out));
        assertTrue(e.getMessage().contains("float64(32, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvolutionKernels.rowsToChannels(
                Tensor.zeros(DType.FLOAT32, 32, 3), Tensor.zeros(DType.FLOAT32, 4), out));
        assertTrue(e.getMessage().contains("bias float32(4,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionKernels.channelsToRows(out, Tensor.zeros(DType.FLOAT32, 16, 3)));
        assertTrue(e.getMessage().startsWith("convolution channels to rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionKernels.channelSums(out, Tensor.zeros(DType.FLOAT32, 2)));
        assertTrue(e.getMessage().contains("(3,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvolutionKernels.channelSums(Tensor.zeros(DType.FLOAT32, 6), Tensor.zeros(DType.FLOAT32, 6)));
        assertTrue(e.getMessage().contains("is not (N, C, …)"), e.getMessage());
    }
}
