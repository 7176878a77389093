package dev.dlfs.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Once its state exists, a step allocates nothing. Measured with the JVM's per-thread allocation counter after the
 * JIT has compiled the kernels (until then the Vector API runs interpreted and boxes every vector); a kernel that
 * allocates per step never reaches zero, however long it is warmed. The module's tests run with {@code -Xbatch}, so
 * compilation happens after a fixed number of steps rather than whenever a busy machine gets to it.
 */
class SteadyStateAllocationTest {
    private static final int ROUNDS = 100;
    private static final int STEPS_PER_ROUND = 300;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.dlfs.optim.OptimizerStepsTest#namesAndDtypes")
    void warmStepsAllocateNothing(String name, DType dtype) throws Exception {
        Object threads = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean").invoke(null);
        Method allocated;
        try {
            allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ClassNotFoundException e) {
            allocated = null;
        }
        assumeTrue(allocated != null && (long) allocated.invoke(threads) >= 0,
                "this JVM does not count allocated bytes per thread");

        List<Parameter> params = List.of(
                new Parameter("affine1.W", Tensor.full(dtype, 0.5, 16, 20), Tensor.full(dtype, 0.01, 16, 20), true),
                new Parameter("affine1.b", Tensor.full(dtype, 0.1, 21), Tensor.full(dtype, -0.01, 21), false));
        Optimizer optimizer = OptimizerRegistry.create(name, Options.of(Map.of("lr", 1e-6, "weight-decay", 1e-4)));
        long least = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && least > 0; round++) {
            long before = (long) allocated.invoke(threads);
            for (int s = 0; s < STEPS_PER_ROUND; s++) {
                optimizer.step(params);
            }
            // The reflective call itself allocates a few bytes; measure it to take it out.
            long empty = (long) allocated.invoke(threads);
            long after = (long) allocated.invoke(threads);
            least = Math.min(least, (empty - before) - (after - empty));
        }
        assertEquals(0, Math.max(0, least), name + " " + dtype + ": bytes allocated by " + STEPS_PER_ROUND
                + " warm steps");
    }
}
