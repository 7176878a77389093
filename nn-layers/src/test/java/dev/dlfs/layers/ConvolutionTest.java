package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.OptionException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvolutionTest {
    private static Layer conv(Map<String, ?> options, DType dtype, int... sampleShape) {
        return LayerRegistry.create(LayerSpec.of("convolution", options),
                new LayerContext(sampleShape, dtype, new SplittableRandom(3)));
    }

    @Test
    void outputShapesForStrideAndPad() {
        // (H + 2·pad − FH) / stride + 1
        assertArrayEquals(new int[] {30, 24, 24}, conv(Map.of("filters", 30, "size", 5), DType.FLOAT32, 1, 28, 28)
                .outputShape(new int[] {1, 28, 28}));
        assertArrayEquals(new int[] {16, 28, 28}, conv(Map.of("filters", 16, "size", 3, "pad", 1), DType.FLOAT32,
                1, 28, 28).outputShape(new int[] {1, 28, 28}));
        assertArrayEquals(new int[] {4, 4, 4}, conv(Map.of("filters", 4, "size", 3, "stride", 2, "pad", 1),
                DType.FLOAT32, 3, 7, 7).outputShape(new int[] {3, 7, 7}));
        assertArrayEquals(new int[] {2, 3, 5}, conv(Map.of("filters", 2, "size", List.of(3, 2), "stride", 2),
                DType.FLOAT32, 1, 7, 10).outputShape(new int[] {1, 7, 10}));
        // stride and pad per axis, [rows, columns]: (7 + 2·0 − 3) / 2 + 1 = 3 rows, (10 + 2·1 − 2) / 1 + 1 = 11 columns
        assertArrayEquals(new int[] {2, 3, 11}, conv(Map.of("filters", 2, "size", List.of(3, 2), "stride",
                List.of(2, 1), "pad", List.of(0, 1)), DType.FLOAT32, 1, 7, 10).outputShape(new int[] {1, 7, 10}));
        Layer c = conv(Map.of("filters", 2, "size", 3), DType.FLOAT32, 1, 5, 5);
        assertArrayEquals(new int[] {4, 2, 3, 3}, c.forward(Tensor.zeros(4, 1, 5, 5), false).shape());
    }

    /** out[n][f][oy][ox] = b[f] + Σ_c Σ_ky Σ_kx W[f][c][ky][kx] · xpad[n][c][oy·s + ky][ox·s + kx], in float64. */
    private static double naive(Tensor x, Tensor w, Tensor b, int stride, int pad, int n, int f, int oy, int ox) {
        double s = b.getFlat(f);
        for (int c = 0; c < w.dim(1); c++) {
            for (int ky = 0; ky < w.dim(2); ky++) {
                for (int kx = 0; kx < w.dim(3); kx++) {
                    int iy = oy * stride - pad + ky;
                    int ix = ox * stride - pad + kx;
                    if (iy >= 0 && iy < x.dim(2) && ix >= 0 && ix < x.dim(3)) {
                        s += w.get(f, c, ky, kx) * x.get(n, c, iy, ix);
                    }
                }
            }
        }
        return s;
    }

    @Test
    void forwardMatchesDirectConvolutionInBothDtypes() {
        for (DType dtype : DType.values()) {
            int stride = 2;
            int pad = 1;
            Layer c = conv(Map.of("filters", 3, "size", 3, "stride", stride, "pad", pad, "init", "he"), dtype,
                    2, 6, 5);
            List<Parameter> p = c.parameters();
            assertEquals(List.of("W", "b"), p.stream().map(Parameter::name).toList());
            assertArrayEquals(new int[] {3, 2, 3, 3}, p.get(0).value().shape());
            p.get(1).value().copyFrom(Tensor.of(new double[] {0.1, -0.2, 0.3}).to(dtype));
            Tensor x = Tensor.randn(new SplittableRandom(8), dtype, 2, 2, 6, 5);
            Tensor y = c.forward(x, false);
            assertArrayEquals(new int[] {2, 3, 3, 3}, y.shape());
            Tensor w = p.get(0).value().to(DType.FLOAT64);
            Tensor b = p.get(1).value().to(DType.FLOAT64);
            Tensor x64 = x.to(DType.FLOAT64);
            for (int n = 0; n < 2; n++) {
                for (int f = 0; f < 3; f++) {
                    for (int oy = 0; oy < 3; oy++) {
                        for (int ox = 0; ox < 3; ox++) {
                            assertEquals(naive(x64, w, b, stride, pad, n, f, oy, ox), y.get(n, f, oy, ox),
                                    dtype == DType.FLOAT64 ? 1e-12 : 1e-5);
                        }
                    }
                }
            }
        }
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv(Map.of("filters", 2, "size", 3), DType.FLOAT32, 784));
        assertTrue(e.getMessage().contains("(C, H, W)") && e.getMessage().contains("(784,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> conv(Map.of("filters", 2, "size", 7), DType.FLOAT32, 1, 5, 5));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        // stride and pad per axis, [rows, columns]: (7 + 2·0 − 3) / 2 + 1 = 3 rows, (10 + 2·1 − 2) / 1 + 1 = 11 columns
        assertArrayEquals(new int[] {2, 3, 11}, conv(Map.of("filters", 2, "size", List.of(3, 2), "stride",
                List.of(2, 1), "pad", List.of(0, 1)), DType.FLOAT32, 1, 7, 10).outputShape(new int[] {1, 7, 10}));
        Layer c = conv(Map.of("filters", 2, "size", 3), DType.FLOAT32, 1, 5, 5);
        e = assertThrows(IllegalArgumentException.class, () -> c.forward(Tensor.zeros(2, 3, 5, 5), true));
        assertTrue(e.getMessage().contains("(2, 3, 5, 5)"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> conv(Map.of("filters", 2, "size", 3), DType.FLOAT32, 1, 5, 5).backward(Tensor.zeros(1, 2, 3, 3)));
    }
}
