package dev.dlfs.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The book's L2 weight decay: λW joins the gradient of regularised parameters only; λ/2·ΣW² joins the loss. */
class WeightDecayTest {

    @ParameterizedTest
    @EnumSource(DType.class)
    void sgdShrinksOnlyRegularizedWeights(DType dtype) {
        Parameter w = Parameter.of("affine1.W", Tensor.of(new double[] {1.0, -2.0, 4.0}).to(dtype), true);
        Parameter b = Parameter.of("affine1.b", Tensor.of(new double[] {1.0, -2.0}).to(dtype), false);
        Optimizer sgd = OptimizerRegistry.create("sgd", Options.of(Map.of("lr", 0.5, "weight-decay", 0.1)));
        sgd.step(List.of(w, b)); // zero gradients: only the decay acts
        double tol = dtype == DType.FLOAT64 ? 1e-15 : 1e-7;
        assertEquals(0.95, w.value().getFlat(0), tol);   // W - lr·λ·W = W·(1 - 0.05)
        assertEquals(-1.9, w.value().getFlat(1), tol);
        assertEquals(3.8, w.value().getFlat(2), tol);
        assertEquals(1.0, b.value().getFlat(0));
        assertEquals(-2.0, b.value().getFlat(1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.dlfs.optim.OptimizerStepsTest#namesAndDtypes")
    void everyOptimizerAddsLambdaWToRegularizedGradients(String name, DType dtype) {
        double lr = 0.05;
        double lambda = 0.3;
        Optimizer optimizer = OptimizerRegistry.create(name, Options.of(Map.of("lr", lr, "weight-decay", lambda)));
        BookFormulas bookW = BookFormulas.withDefaults(name, lr, lambda);
        BookFormulas bookB = BookFormulas.withDefaults(name, lr, lambda);
        Parameter w = OptimizerStepsTest.viewParameter("affine1.W", dtype, true);
        Parameter b = OptimizerStepsTest.viewParameter("affine1.b", dtype, false);
        double[] expectedW = w.value().toDoubleArray();
        double[] expectedB = b.value().toDoubleArray();
        for (int step = 0; step < 3; step++) {
            OptimizerStepsTest.setGradient(w, step);
            OptimizerStepsTest.setGradient(b, step + 5);
            optimizer.step(List.of(w, b));
            bookW.step(expectedW, w.grad().toDoubleArray(), true);
            bookB.step(expectedB, b.grad().toDoubleArray(), false);
        }
        OptimizerStepsTest.assertClose(expectedW, w.value(), name + " W");
        OptimizerStepsTest.assertClose(expectedB, b.value(), name + " b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"})
    void everyOptimizerReportsTheLambdaAndRateItStepsWith(String name) {
        Optimizer configured = OptimizerRegistry.create(name, Options.of(Map.of("lr", 0.05, "weight-decay", 0.3)));
        assertEquals(0.3, configured.weightDecay());
        assertEquals(OptionalDouble.of(0.05), configured.learningRate());
        Optimizer defaults = OptimizerRegistry.create(name, Options.empty());
        assertEquals(0.0, defaults.weightDecay());
        assertEquals(OptionalDouble.of(name.equals("adam") ? 0.001 : 0.01), defaults.learningRate(),
                "the documented default lr of " + name);
    }

    @Test
    void anOptimizerThatSaysNothingHasNoWeightDecayAndNoRate() {
        Optimizer silent = parameters -> { };
        assertEquals(0.0, silent.weightDecay());
        assertEquals(OptionalDouble.empty(), silent.learningRate());
    }

    @Test
    void penaltyIsHalfLambdaTimesSumOfSquaredWeights() {
        List<Parameter> params = List.of(
                Parameter.of("affine1.W", Tensor.of(new float[] {1, -2, 3}), true),
                Parameter.of("affine1.b", Tensor.of(new float[] {100, 100}), false),
                Parameter.of("affine2.W", Tensor.of(new double[] {0.5, 0.25}), true));
        double sumOfSquares = 1 + 4 + 9 + 0.25 + 0.0625;
        assertEquals(0.5 * 0.1 * sumOfSquares, WeightDecay.penalty(params, 0.1), 1e-15);
        assertEquals(0.0, WeightDecay.penalty(params, 0.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightDecay.penalty(params, -1))
                .getMessage().contains("-1"));
    }
}
