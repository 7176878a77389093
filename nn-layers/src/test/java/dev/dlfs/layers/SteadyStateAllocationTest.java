package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Once shapes are stable, a forward + backward step reuses the layer's buffers: it may allocate a few small objects
 * (tensor views), never a buffer. Every buffer of these layers is at least 8 KiB, so a step that allocated one would
 * exceed the 2 KiB limit. Measured with the JVM's per-thread allocation counter, taking the least of many rounds so
 * that rounds before the JIT has compiled the Vector API kernels (which box vectors while interpreted) do not count.
 */
class SteadyStateAllocationTest {
    private static final int ROUNDS = 60;
    private static final int STEPS_PER_ROUND = 50;
    private static final long LIMIT_PER_STEP = 2048;

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("affine", Map.of("units", 64), new int[] {96}),
                Arguments.of("relu", Map.of(), new int[] {64}),
                Arguments.of("sigmoid", Map.of(), new int[] {64}),
                Arguments.of("softmax", Map.of(), new int[] {64}),
                Arguments.of("dropout", Map.of("ratio", 0.3), new int[] {64}),
                Arguments.of("batchnorm", Map.of(), new int[] {64}),
                Arguments.of("convolution", Map.of("filters", 8, "size", 3, "pad", 1), new int[] {2, 8, 8}),
                Arguments.of("max-pool", Map.of("size", 2), new int[] {8, 8, 8}),
                Arguments.of("avg-pool", Map.of("size", 2), new int[] {8, 8, 8}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void warmStepsAllocateNoBuffers(String type, Map<String, ?> options, int[] sampleShape) throws Exception {
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
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            Layer layer = LayerRegistry.create(LayerSpec.of(type, options),
                    new LayerContext(sampleShape, dtype, new SplittableRandom(1)));
            int[] in = new int[sampleShape.length + 1];
            in[0] = 32;
            System.arraycopy(sampleShape, 0, in, 1, sampleShape.length);
            Tensor x = Tensor.randn(new SplittableRandom(2), dtype, in);
            Tensor g = Tensor.randn(new SplittableRandom(3), dtype, layer.forward(x, true).shape());
            long least = Long.MAX_VALUE;
            // At least ROUNDS rounds, and more for up to 20 s while the JIT may still be compiling on a busy machine.
            long deadline = System.nanoTime() + 20_000_000_000L;
            for (int round = 0; (round < ROUNDS || System.nanoTime() < deadline)
                    && least > LIMIT_PER_STEP * STEPS_PER_ROUND / 4; round++) {
                long before = (long) allocated.invoke(threads);
                for (int s = 0; s < STEPS_PER_ROUND; s++) {
                    layer.forward(x, true);
                    layer.backward(g);
                }
                least = Math.min(least, (long) allocated.invoke(threads) - before);
            }
            long perStep = least / STEPS_PER_ROUND;
            assertTrue(perStep < LIMIT_PER_STEP,
                    type + " " + dtype + ": " + perStep + " bytes allocated per warm step");
        }
    }
}
