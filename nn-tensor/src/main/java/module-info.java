/**
 * The tensor core of dlfs: n-dimensional float32/float64 tensors on the heap, element-wise arithmetic with NumPy
 * broadcasting, reductions, matrix products and im2col, with hot loops on the JDK Vector API.
 *
 * <p>{@code dev.dlfs.tensor.spi} holds the plumbing every plugin kind shares: typed {@code Options} read from a
 * configuration, and the {@code Registry} that discovers providers through {@link java.util.ServiceLoader}.
 * {@code dev.dlfs.tensor.simd} holds deterministic exp, log, tanh and sigmoid for vector kernels in every module, and
 * sums in a fixed order that give the same bits at any vector width.
 */
module dev.dlfs.tensor {
    requires jdk.incubator.vector;
    // Checked shape arithmetic (LongMath); no Guava type appears in this module's API.
    requires com.google.common;

    exports dev.dlfs.tensor;
    exports dev.dlfs.tensor.spi;
    exports dev.dlfs.tensor.io;
    exports dev.dlfs.tensor.simd;
    exports dev.dlfs.tensor.fused to dev.dlfs.layers, dev.dlfs.loss, dev.dlfs.optim;
}
