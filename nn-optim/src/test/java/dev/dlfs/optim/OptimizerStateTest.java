package dev.dlfs.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.Npz;
import dev.dlfs.tensor.spi.Options;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpoints: state() then loadState() continues exactly like an uninterrupted run. */
class OptimizerStateTest {
    static final Options OPTIONS = Options.of(Map.of("lr", 0.03, "weight-decay", 0.01));

    static List<Parameter> network(DType dtype) {
        return List.of(OptimizerStepsTest.viewParameter("affine1.W", dtype, true),
                OptimizerStepsTest.viewParameter("affine1.b", dtype, false));
    }

    static void train(Optimizer optimizer, List<Parameter> params, int fromStep, int toStep) {
        for (int step = fromStep; step < toStep; step++) {
            for (int k = 0; k < params.size(); k++) {
                OptimizerStepsTest.setGradient(params.get(k), step + 3 * k);
            }
            optimizer.step(params);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.dlfs.optim.OptimizerStepsTest#namesAndDtypes")
    void resumedRunIsBitwiseTheUninterruptedRun(String name, DType dtype) {
        List<Parameter> straight = network(dtype);
        train(OptimizerRegistry.create(name, OPTIONS), straight, 0, 5);

        List<Parameter> first = network(dtype);
        Optimizer before = OptimizerRegistry.create(name, OPTIONS);
        train(before, first, 0, 2);
        Map<String, Tensor> saved = before.state();

        // A new process: new parameters holding the saved values, a new optimizer given the saved state.
        List<Parameter> resumed = network(dtype);
        for (int k = 0; k < resumed.size(); k++) {
            resumed.get(k).value().copyFrom(first.get(k).value());
        }
        Optimizer after = OptimizerRegistry.create(name, OPTIONS);
        after.loadState(saved);
        train(after, resumed, 2, 5);

        for (int k = 0; k < straight.size(); k++) {
            assertEquals(straight.get(k).value(), resumed.get(k).value(), name + " " + straight.get(k).name());
        }
        assertEquals(before.state().keySet(), after.state().keySet());
    }

    /** A checkpoint written to an .npz file and read back resumes just the same. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.dlfs.optim.OptimizerStepsTest#namesAndDtypes")
    void stateSurvivesAnNpzFile(String name, DType dtype, @TempDir Path dir) throws Exception {
        List<Parameter> straight = network(dtype);
        train(OptimizerRegistry.create(name, OPTIONS), straight, 0, 4);

        List<Parameter> resumed = network(dtype);
        Optimizer before = OptimizerRegistry.create(name, OPTIONS);
        train(before, resumed, 0, 1);
        Path file = dir.resolve("optimizer.npz");
        Npz.write(file, before.state());
        Optimizer after = OptimizerRegistry.create(name, OPTIONS);
        after.loadState(Npz.read(file));
        train(after, resumed, 1, 4);
        for (int k = 0; k < straight.size(); k++) {
            assertEquals(straight.get(k).value(), resumed.get(k).value(), name + " " + straight.get(k).name());
        }
    }

    @Test
    void stateKeysNameParameterAndSlot() {
        Map<String, Set<String>> expected = Map.of(
                "sgd", Set.of(),
                "momentum", Set.of("affine1.W.v", "affine1.b.v"),
                "nesterov", Set.of("affine1.W.v", "affine1.b.v"),
                "adagrad", Set.of("affine1.W.h", "affine1.b.h"),
                "rmsprop", Set.of("affine1.W.h", "affine1.b.h"),
                "adam", Set.of("affine1.W.m", "affine1.W.v", "affine1.b.m", "affine1.b.v", "adam.t"));
        for (String name : OptimizerStepsTest.NAMES) {
            Optimizer optimizer = OptimizerRegistry.create(name, OPTIONS);
            List<Parameter> params = network(DType.FLOAT32);
            train(optimizer, params, 0, 3);
            Map<String, Tensor> state = optimizer.state();
            assertEquals(expected.get(name), state.keySet(), name);
            state.forEach((key, t) -> {
                if (!key.equals("adam.t")) {
                    assertEquals(DType.FLOAT32, t.dtype(), key);
                    assertEquals(OptimizerStepsTest.N, t.size(), key);
                }
            });
        }
    }

    @Test
    void adamStepCountIsSavedAsOneWholeNumber() {
        Optimizer adam = OptimizerRegistry.create("adam", OPTIONS);
        train(adam, network(DType.FLOAT64), 0, 3);
        Tensor t = adam.state().get("adam.t");
        assertEquals(1, t.size());
        assertEquals(3.0, t.item());
    }

    @Test
    void stateIsASnapshot() {
        Optimizer momentum = OptimizerRegistry.create("momentum", OPTIONS);
        List<Parameter> params = network(DType.FLOAT64);
        train(momentum, params, 0, 1);
        Tensor v = momentum.state().get("affine1.W.v");
        Tensor copy = v.copy();
        train(momentum, params, 1, 2);
        assertEquals(copy, v);
        assertNotEquals(copy, momentum.state().get("affine1.W.v"));
    }

    @Test
    void loadedStateOfAnotherShapeIsRefusedAtTheFirstStep() {
        Optimizer adam = OptimizerRegistry.create("adam", OPTIONS);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("affine1.W.m", Tensor.zeros(DType.FLOAT32, 5));
        state.put("affine1.W.v", Tensor.zeros(DType.FLOAT32, 5));
        state.put("adam.t", Tensor.of(new double[] {4}));
        adam.loadState(state);
        List<Parameter> params = network(DType.FLOAT32);
        String msg = assertThrows(IllegalArgumentException.class, () -> adam.step(params)).getMessage();
        assertTrue(msg.contains("affine1.W.m") && msg.contains("(5,)") && msg.contains("(37,)"), msg);
    }

    @Test
    void badStateIsRefusedWhole() {
        Optimizer adam = OptimizerRegistry.create("adam", OPTIONS);
        train(adam, network(DType.FLOAT64), 0, 2);
        Map<String, Tensor> good = adam.state();

        Map<String, Tensor> unknown = new LinkedHashMap<>(good);
        unknown.put("affine1.W.velocity", Tensor.zeros(3));
        assertMessage(adam, unknown, "unknown state entry 'affine1.W.velocity'");

        Map<String, Tensor> noCount = new LinkedHashMap<>(good);
        noCount.remove("adam.t");
        assertMessage(adam, noCount, "adam.t");

        Map<String, Tensor> missingSlot = new LinkedHashMap<>(good);
        missingSlot.remove("affine1.b.v");
        assertMessage(adam, missingSlot, "lacks slot 'v'");

        Map<String, Tensor> badCount = new LinkedHashMap<>(good);
        badCount.put("adam.t", Tensor.of(new double[] {2.5}));
        assertMessage(adam, badCount, "whole number");

        // Nothing was changed by the refused loads.
        assertEquals(good, adam.state());
    }

    private static void assertMessage(Optimizer optimizer, Map<String, Tensor> state, String part) {
        String msg = assertThrows(IllegalArgumentException.class, () -> optimizer.loadState(state)).getMessage();
        assertTrue(msg.contains(part), msg);
    }

    @Test
    void oneParameterNameTwiceInOneStepIsAnError() {
        Parameter a = Parameter.of("affine1.W", Tensor.zeros(3), true);
        Parameter b = Parameter.of("affine1.W", Tensor.zeros(3), true);
        Optimizer momentum = OptimizerRegistry.create("momentum", OPTIONS);
        String msg = assertThrows(IllegalArgumentException.class, () -> momentum.step(List.of(a, b))).getMessage();
        assertTrue(msg.contains("'affine1.W' appears twice"), msg);
    }
}
