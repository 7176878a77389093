package com.example.dlfs.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class LeakyReluTest {
    private static Layer leaky(double alpha) {
        return LayerRegistry.create(LayerRegistry.discover(), LayerSpec.of("leaky-relu", Map.of("alpha", alpha)),
                new LayerContext(new int[] {8}, DType.FLOAT64, new SplittableRandom(1)));
    }

    /** Standard normal values pushed away from the kink at 0, where no numerical gradient is meaningful. */
    private static Tensor awayFromZero() {
        Tensor x = Tensor.randn(new SplittableRandom(7), DType.FLOAT64, 5, 8);
        for (int i = 0; i < x.size(); i++) {
            double v = x.getFlat(i);
            x.setFlat(i, v + Math.copySign(0.1, v));
        }
        return x;
    }

    @Test
    void forwardKeepsPositivesAndScalesNegatives() {
        Tensor x = awayFromZero();
        Tensor y = leaky(0.1).forward(x, true);
        for (int i = 0; i < x.size(); i++) {
            double v = x.getFlat(i);
            assertEquals(v > 0 ? v : 0.1 * v, y.getFlat(i), 0.0, "element " + i);
        }
    }

    @Test
    void backwardPassesTheGradientCheck() {
        LayerGradientCheck.check(leaky(0.01), awayFromZero()).assertBelow(1e-7);
        LayerGradientCheck.check(leaky(0.3), awayFromZero()).assertBelow(1e-7);
    }

    @Test
    void backwardLetsAlphaOfTheGradientThroughForNegatives() {
        Layer layer = leaky(0.2);
        Tensor x = Tensor.of(new double[] {-2, -0.5, 0.5, 3}, 1, 4);
        layer.forward(x, true);
        Tensor dx = layer.backward(Tensor.of(new double[] {1, 2, 3, 4}, 1, 4));
        assertEquals(0.2, dx.getFlat(0), 1e-15);
        assertEquals(0.4, dx.getFlat(1), 1e-15);
        assertEquals(3.0, dx.getFlat(2), 0.0);
        assertEquals(4.0, dx.getFlat(3), 0.0);
    }

    @Test
    void rejectsAnAlphaOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> leaky(1.5));
    }
}
