package com.example.dlfs.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LionTest {
    private static Optimizer lion(Map<String, ?> options) {
        return OptimizerRegistry.create(OptimizerRegistry.discover(), "lion", Options.of(options));
    }

    /** The paper's update written out element by element, in float64. */
    private static void referenceStep(double[] w, double[] m, double[] g, double lr, double b1, double b2, double wd) {
        for (int i = 0; i < w.length; i++) {
            double c = b1 * m[i] + (1 - b1) * g[i];
            w[i] = w[i] - lr * (Math.signum(c) + wd * w[i]);
            m[i] = b2 * m[i] + (1 - b2) * g[i];
        }
    }

    @Test
    void reportsItsDecayAndRateForTheTrainer() {
        Optimizer opt = lion(Map.of("lr", 3e-4, "weight-decay", 0.02));
        assertEquals(0.02, opt.weightDecay());
        assertEquals(OptionalDouble.of(3e-4), opt.learningRate());
        assertEquals(0.0, lion(Map.of()).weightDecay());
    }

    @Test
    void stepsMatchTheReferenceUpdate() {
        SplittableRandom rng = new SplittableRandom(11);
        Parameter p = Parameter.of("affine1.W", Tensor.randn(rng, DType.FLOAT64, 3, 4), true);
        double[] w = p.value().toDoubleArray();
        double[] m = new double[w.length];
        Optimizer opt = lion(Map.of("lr", 0.01, "beta1", 0.8, "beta2", 0.95, "weight-decay", 0.1));
        for (int step = 0; step < 5; step++) {
            Tensor g = Tensor.randn(rng, DType.FLOAT64, 3, 4);
            p.grad().copyFrom(g);
            opt.step(List.of(p));
            referenceStep(w, m, g.toDoubleArray(), 0.01, 0.8, 0.95, 0.1);
            for (int i = 0; i < w.length; i++) {
                assertEquals(w[i], p.value().getFlat(i), 1e-15, "step " + step + ", element " + i);
            }
        }
    }

    @Test
    void biasesAreNotDecayed() {
        Parameter b = Parameter.of("affine1.b", Tensor.full(DType.FLOAT64, 1.0, 2), false);
        b.grad().fill(0.5);
        lion(Map.of("lr", 0.1, "weight-decay", 0.5)).step(List.of(b));
        assertEquals(0.9, b.value().getFlat(0), 1e-15);    // 1 − lr·sign(g), no decay term
    }

    @Test
    void savedStateResumesExactly() {
        SplittableRandom rng = new SplittableRandom(12);
        Parameter a = Parameter.of("W", Tensor.randn(rng, DType.FLOAT32, 5), true);
        Parameter b = Parameter.of("W", a.value().copy(), true);
        Optimizer first = lion(Map.of("lr", 0.05));
        Tensor g1 = Tensor.randn(rng, DType.FLOAT32, 5);
        Tensor g2 = Tensor.randn(rng, DType.FLOAT32, 5);
        a.grad().copyFrom(g1);
        first.step(List.of(a));
        b.value().copyFrom(a.value());
        Optimizer resumed = lion(Map.of("lr", 0.05));
        resumed.loadState(first.state());
        a.grad().copyFrom(g2);
        b.grad().copyFrom(g2);
        first.step(List.of(a));
        resumed.step(List.of(b));
        assertEquals(a.value(), b.value());
    }

    @Test
    void findsTheMinimumOfTheBooksBowl() {
        // f(x, y) = x²/20 + y², the book's optimizer comparison; Lion's fixed-size steps end within lr of (0, 0).
        Parameter x = Parameter.of("x", Tensor.full(DType.FLOAT64, -7.0, 1), false);
        Parameter y = Parameter.of("y", Tensor.full(DType.FLOAT64, 2.0, 1), false);
        Optimizer opt = lion(Map.of("lr", 0.05));
        for (int i = 0; i < 400; i++) {
            x.grad().setFlat(0, x.value().getFlat(0) / 10.0);
            y.grad().setFlat(0, 2.0 * y.value().getFlat(0));
            opt.step(List.of(x, y));
        }
        assertTrue(Math.abs(x.value().getFlat(0)) < 0.2 && Math.abs(y.value().getFlat(0)) < 0.2,
                "ended at (" + x.value().getFlat(0) + ", " + y.value().getFlat(0) + ")");
    }

    @Test
    void rejectsBadHyperparameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lion(Map.of("lr", -1)));
        assertTrue(e.getMessage().contains("lion"), e.getMessage());
    }
}
