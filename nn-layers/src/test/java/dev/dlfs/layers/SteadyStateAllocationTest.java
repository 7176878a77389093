package dev.dlfs.layers;

import static org.junit.jupiter.api.Assertions.assertSame;
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
 * Once shapes are stable, a forward + backward step reuses the layer's buffers.
 *
 * <p>Two checks: the tensors a step returns are backed by the same arrays as the last step's, and the step allocates
 * less than any buffer. A step may allocate small objects (tensor views, shape arrays; and, depending on the JIT's
 * decisions in a long test run, a boxed vector per row here and there), never a buffer: every buffer of these layers
 * is at least 16 KiB and rows are wide, so a step that allocated one would exceed the 12 KiB limit. Measured with the
 * JVM's per-thread allocation counter, taking the least of many rounds so that rounds before the JIT has compiled
 * the Vector API kernels (which box vectors while interpreted) do not count.
 */
class SteadyStateAllocationTest {
    private static final int ROUNDS = 40;
    private static final int STEPS_PER_ROUND = 20;
    private static final long LIMIT_PER_STEP = 12 * 1024;

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("affine", Map.of("units", 256), new int[] {1024}),
                Arguments.of("relu", Map.of(), new int[] {1024}),
                Arguments.of("sigmoid", Map.of(), new int[] {1024}),
                Arguments.of("softmax", Map.of(), new int[] {1024}),
                Arguments.of("dropout", Map.of("ratio", 0.3), new int[] {1024}),
                Arguments.of("batchnorm", Map.of(), new int[] {1024}),
                Arguments.of("convolution", Map.of("filters", 4, "size", 3, "pad", 1), new int[] {2, 32, 32}),
                Arguments.of("max-pool", Map.of("size", 2), new int[] {4, 32, 32}),
                Arguments.of("avg-pool", Map.of("size", 2), new int[] {4, 32, 32}));
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
            in[0] = 16;
            System.arraycopy(sampleShape, 0, in, 1, sampleShape.length);
            Tensor x = Tensor.randn(new SplittableRandom(2), dtype, in);
            Tensor y = layer.forward(x, true);
            Tensor g = Tensor.randn(new SplittableRandom(3), dtype, y.shape());
            Tensor dx = layer.backward(g);
            Object yArray = backing(y);
            Object dxArray = backing(dx);
            assertSame(yArray, backing(layer.forward(x, true)), type + " " + dtype + ": output buffer reused");
            assertSame(dxArray, backing(layer.backward(g)), type + " " + dtype + ": gradient buffer reused");
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

    private static Object backing(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? t.floatArray() : t.doubleArray();
    }
}
