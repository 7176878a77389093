package com.example.dlfs.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerGradientCheck;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SwishTest {
    private static Layer swish(Map<String, ?> options, DType dtype) {
        return LayerRegistry.create(LayerRegistry.discover(), LayerSpec.of("swish", options),
                new LayerContext(new int[] {6}, dtype, new SplittableRandom(1)));
    }

    @Test
    void forwardIsXTimesSigmoidOfBetaX() {
        double beta = 1.7;
        Tensor x = Tensor.randn(new SplittableRandom(3), DType.FLOAT64, 5, 6).mul(3.0);
        Tensor y = swish(Map.of("beta", beta), DType.FLOAT64).forward(x, true);
        for (int i = 0; i < x.size(); i++) {
            double v = x.getFlat(i);
            assertEquals(v / (1 + Math.exp(-beta * v)), y.getFlat(i), 1e-15, "element " + i);
        }
    }

    @Test
    void float32MatchesFloat64() {
        Tensor x = Tensor.randn(new SplittableRandom(4), DType.FLOAT64, 3, 6);
        Tensor y64 = swish(Map.of(), DType.FLOAT64).forward(x, false).copy();
        Tensor y32 = swish(Map.of(), DType.FLOAT32).forward(x.to(DType.FLOAT32), false);
        assertTrue(y32.to(DType.FLOAT64).allClose(y64, 1e-6, 1e-6), y32 + " vs " + y64);
    }

    @Test
    void backwardPassesTheGradientCheck() {
        for (double beta : new double[] {1.0, 0.5, 2.5}) {
            Tensor x = Tensor.randn(new SplittableRandom(5), DType.FLOAT64, 4, 6).mul(2.0);
            LayerGradientCheck.check(swish(Map.of("beta", beta), DType.FLOAT64), x).assertBelow(1e-7);
        }
    }

    @Test
    void keepsTheInputShape() {
        assertArrayEquals(new int[] {1, 28, 28}, swish(Map.of(), DType.FLOAT64).outputShape(new int[] {1, 28, 28}));
    }

    @Test
    void rejectsANonPositiveBeta() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> swish(Map.of("beta", -1.0), DType.FLOAT64));
        assertTrue(e.getMessage().contains("swish") && e.getMessage().contains("beta"), e.getMessage());
    }
}
