/**
 * Fused operations for the framework's own layers, losses and optimizers: {@link ActivationKernels},
 * {@link AffineKernels}, {@link ConvolutionKernels}, {@link PoolingKernels}, {@link BatchNormKernels},
 * {@link LossKernels} and {@link OptimizerSteps}. Each does in one vectorised, allocation-free pass what would
 * otherwise be a chain of tensor operations, with the arithmetic those modules have always used, so that a layer, a
 * loss or a step keeps its bits. This is where their {@code jdk.incubator.vector} code lives: nn-tensor is the only
 * module that uses it.
 *
 * <p>Exported only to {@code dev.dlfs.layers}, {@code dev.dlfs.loss} and {@code dev.dlfs.optim}: these are
 * implementation tools, not API. A plugin writes the same ideas with {@link dev.dlfs.tensor.Tensor} operations.
 */
package dev.dlfs.tensor.fused;
