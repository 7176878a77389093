package dev.dlfs.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The first steps of every optimizer against the book's formulas, by hand and by an independent float64 loop. */
class OptimizerStepsTest {
    static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");
    /** Longer than one vector of either dtype (AVX-512: 16 floats, 8 doubles) and not a multiple: tails run too. */
    static final int N = 37;

    static Stream<Arguments> namesAndDtypes() {
        List<Arguments> out = new ArrayList<>();
        for (String name : NAMES) {
            for (DType dtype : DType.values()) {
                out.add(Arguments.of(name, dtype));
            }
        }
        return out.stream();
    }

    static double initial(int i) {
        return 0.8 - 0.045 * i + (i % 4 == 0 ? 0.3 : 0.0);
    }

    static double gradient(int step, int i) {
        return Math.sin(1.3 * i + 0.7 * step) * (1 + i % 3) + (i == 5 ? 0 : 0.01 * step);
    }

    /** A parameter whose value and gradient are views into larger tensors, so offsets must be honoured. */
    static Parameter viewParameter(String name, DType dtype, boolean regularized) {
        Tensor values = Tensor.full(dtype, 42.0, 3, N);
        Tensor grads = Tensor.full(dtype, -17.0, 2, N);
        Tensor w = values.row(1);
        for (int i = 0; i < N; i++) {
            w.setFlat(i, initial(i));
        }
        return new Parameter(name, w, grads.row(1), regularized);
    }

    static void setGradient(Parameter p, int step) {
        for (int i = 0; i < N; i++) {
            p.grad().setFlat(i, gradient(step, i));
        }
    }

    static void assertClose(double[] expected, Tensor actual, String what) {
        double tol = actual.dtype() == DType.FLOAT64 ? 1e-13 : 2e-6;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual.getFlat(i);
            assertTrue(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)),
                    what + " element " + i + ": expected " + e + ", found " + a);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("namesAndDtypes")
    void firstThreeStepsFollowTheBookFormulas(String name, DType dtype) {
        double lr = 0.05;
        Optimizer optimizer = OptimizerRegistry.create(name, Options.of(Map.of("lr", lr)));
        BookFormulas book = BookFormulas.withDefaults(name, lr, 0.0);
        Parameter p = viewParameter("affine1.W", dtype, true);
        // The reference starts from the values as stored, so float32 compares only the arithmetic.
        double[] expected = p.value().toDoubleArray();
        for (int step = 0; step < 3; step++) {
            setGradient(p, step);
            optimizer.step(List.of(p));
            book.step(expected, p.grad().toDoubleArray(), true);
            assertClose(expected, p.value(), name + " " + dtype + " step " + (step + 1));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("namesAndDtypes")
    void stepTouchesOnlyTheParameter(String name, DType dtype) {
        Tensor values = Tensor.full(dtype, 42.0, 3, N);
        Tensor grads = Tensor.full(dtype, 1.0, 3, N);
        Parameter p = new Parameter("w", values.row(1), grads.row(1), true);
        OptimizerRegistry.create(name, Options.of(Map.of("lr", 0.1, "weight-decay", 0.1))).step(List.of(p));
        for (int row : new int[] {0, 2}) {
            for (int i = 0; i < N; i++) {
                assertEquals(42.0, values.get(row, i), name + ": row " + row + " changed");
            }
        }
        assertTrue(values.get(1, 0) < 42.0, name + ": the parameter did not move");
    }

    /** One weight, w = 1, a constant gradient 0.5, lr 0.1: three steps worked out by hand. */
    @Test
    void handComputedSteps() {
        double eps = 1e-7;
        assertSteps("sgd", 1e-14, 0.95, 0.90, 0.85);
        // v: -0.05, -0.095, -0.1355
        assertSteps("momentum", 1e-14, 0.95, 0.855, 0.7195);
        // w += 0.81 v - 1.9 * 0.1 * 0.5 with the same v
        assertSteps("nesterov", 1e-14, 1 - 0.81 * 0.05 - 0.095, 1 - 0.81 * 0.05 - 0.095 - 0.81 * 0.095 - 0.095,
                1 - 0.81 * 0.05 - 0.095 - 0.81 * 0.095 - 0.095 - 0.81 * 0.1355 - 0.095);
        // h: 0.25, 0.5, 0.75
        double a1 = 1 - 0.05 / (Math.sqrt(0.25) + eps);
        double a2 = a1 - 0.05 / (Math.sqrt(0.5) + eps);
        assertSteps("adagrad", 1e-14, a1, a2, a2 - 0.05 / (Math.sqrt(0.75) + eps));
        // h: 0.01 * 0.25, then 0.99 h + 0.0025
        double h1 = 0.0025;
        double h2 = 0.99 * h1 + 0.0025;
        double h3 = 0.99 * h2 + 0.0025;
        double r1 = 1 - 0.05 / (Math.sqrt(h1) + eps);
        double r2 = r1 - 0.05 / (Math.sqrt(h2) + eps);
        assertSteps("rmsprop", 1e-14, r1, r2, r2 - 0.05 / (Math.sqrt(h3) + eps));
        // With a constant gradient the bias-corrected m/√v is exactly sign(g): each step is lr long (up to eps).
        assertSteps("adam", 1e-5, 0.9, 0.8, 0.7);
    }

    private static void assertSteps(String name, double tol, double... expected) {
        Parameter p = Parameter.of("w", Tensor.of(new double[] {1.0}), true);
        p.grad().fill(0.5);
        Optimizer optimizer = OptimizerRegistry.create(name, Options.of(Map.of("lr", 0.1)));
        for (int step = 0; step < expected.length; step++) {
            optimizer.step(List.of(p));
            assertEquals(expected[step], p.value().item(), tol, name + " step " + (step + 1));
        }
    }

    @Test
    void hyperparametersReachTheFormulas() {
        Map<String, Map<String, Object>> options = Map.of(
                "momentum", Map.of("lr", 0.2, "momentum", 0.5),
                "nesterov", Map.of("lr", 0.2, "momentum", 0.5),
                "rmsprop", Map.of("lr", 0.2, "decay-rate", 0.5),
                "adam", Map.of("lr", 0.2, "beta1", 0.5, "beta2", 0.75));
        for (Map.Entry<String, Map<String, Object>> e : options.entrySet()) {
            String name = e.getKey();
            Optimizer optimizer = OptimizerRegistry.create(name, Options.of(e.getValue()));
            BookFormulas book = new BookFormulas(name, 0.2, 0.5, 0.5, 0.5, 0.75, 0.0);
            Parameter p = viewParameter("w", DType.FLOAT64, false);
            double[] expected = p.value().toDoubleArray();
            for (int step = 0; step < 3; step++) {
                setGradient(p, step);
                optimizer.step(List.of(p));
                book.step(expected, p.grad().toDoubleArray(), false);
            }
            assertClose(expected, p.value(), name);
        }
    }
}
