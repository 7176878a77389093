package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.OptionException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static Layer dropout(Map<String, ?> options, long seed) {
        return LayerRegistry.create(LayerSpec.of("dropout", options),
                new LayerContext(new int[] {50}, DType.FLOAT64, new SplittableRandom(seed)));
    }

    /** Positive inputs, so a dropped element (0) is never confused with a kept one. */
    private static Tensor x() {
        return Tensor.rand(new SplittableRandom(5), DType.FLOAT64, 0.5, 1.5, 40, 50);
    }

    @Test
    void invertedTrainingDropsAboutRatioAndScalesTheRest() {
        Layer d = dropout(Map.of("ratio", 0.3), 1);
        Tensor x = x();
        Tensor y = d.forward(x, true).copy();
        int dropped = 0;
        for (int i = 0; i < x.size(); i++) {
            if (y.getFlat(i) == 0) {
                dropped++;
            } else {
                assertEquals(x.getFlat(i) / 0.7, y.getFlat(i), 1e-15);
            }
        }
        // 2000 draws with p = 0.3: mean 600, sd about 20.5
        assertTrue(dropped > 500 && dropped < 700, "dropped " + dropped);
        // backward passes the gradient through exactly the kept elements, with the same scale
        Tensor g = Tensor.randn(new SplittableRandom(6), DType.FLOAT64, 40, 50);
        Tensor dx = d.backward(g);
        for (int i = 0; i < x.size(); i++) {
            double want = y.getFlat(i) == 0 ? 0 : g.getFlat(i) / 0.7;
            assertEquals(want, dx.getFlat(i), 1e-15);
        }
        // inference: identity
        assertSame(x, d.forward(x, false));
    }

    @Test
    void bookScalingKeepsTrainingUnscaledAndScalesInference() {
        Layer d = dropout(Map.of("ratio", 0.4, "scale", "book"), 2);
        Tensor x = x();
        Tensor y = d.forward(x, true);
        for (int i = 0; i < x.size(); i++) {
            assertTrue(y.getFlat(i) == 0 || y.getFlat(i) == x.getFlat(i));
        }
        Tensor inference = d.forward(x, false);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.getFlat(i) * 0.6, inference.getFlat(i), 1e-15);
        }
        Tensor g = Tensor.ones(DType.FLOAT64, 40, 50);
        assertEquals(0.6 * g.size(), d.backward(g).sumAll(), 1e-9);
    }

    @Test
    void masksAreFreshPerStepAndDeterministicPerSeed() {
        Layer a = dropout(Map.of(), 3);
        Layer b = dropout(Map.of(), 3);
        Tensor x = x();
        Tensor a1 = a.forward(x, true).copy();
        Tensor a2 = a.forward(x, true).copy();
        assertNotEquals(a1, a2, "a new mask each forward pass");
        assertEquals(a1, b.forward(x, true).copy(), "same seed, same masks");
        assertEquals(a2, b.forward(x, true).copy());
        assertNotEquals(a1, dropout(Map.of(), 4).forward(x, true));
    }

    @Test
    void theGradientCheckRefusesTrainingModeWithAClearMessage() {
        Layer d = dropout(Map.of(), 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LayerGradientCheck.check(d, x()));
        assertTrue(e.getMessage().contains("inference mode"), e.getMessage());
        LayerGradientCheck.check(d, x(), null, false).assertBelow(1e-6);
    }

    @Test
    void float32TrainingMatchesTheMaskedInput() {
        Layer d = LayerRegistry.create(LayerSpec.of("dropout", Map.of("ratio", 0.5)),
                new LayerContext(new int[] {50}, DType.FLOAT32, new SplittableRandom(9)));
        Tensor x = x().to(DType.FLOAT32);
        Tensor y = d.forward(x, true);
        for (int i = 0; i < x.size(); i++) {
            assertTrue(y.getFlat(i) == 0 || y.getFlat(i) == (float) (x.getFlat(i) * 2.0));
        }
    }

    @Test
    void badOptionsAreNamed() {
        OptionException e = assertThrows(OptionException.class, () -> dropout(Map.of("ratio", 1.0), 1));
        assertEquals("ratio", e.path());
        e = assertThrows(OptionException.class, () -> dropout(Map.of("scale", "upside-down"), 1));
        assertTrue(e.getMessage().contains("'inverted'") && e.getMessage().contains("'book'"), e.getMessage());
        e = assertThrows(OptionException.class, () -> dropout(Map.of("rate", 0.2), 1));
        assertTrue(e.getMessage().contains("did you mean 'ratio'?"), e.getMessage());
    }
}
