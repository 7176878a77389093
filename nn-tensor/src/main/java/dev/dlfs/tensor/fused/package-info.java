/**
 * Fused operations for the framework's own optimizers and losses: {@link dev.dlfs.tensor.fused.OptimizerSteps} and
 * {@link dev.dlfs.tensor.fused.LossKernels}. Each does in one vectorised, allocation-free pass what would otherwise be
 * a chain of tensor operations, with the arithmetic those modules have always used, so that a step or a loss keeps
 * its bits. This is where their {@code jdk.incubator.vector} code lives: nn-tensor is the only module that uses it.
 *
 * <p>Exported only to {@code dev.dlfs.optim} and {@code dev.dlfs.loss}: these are implementation tools, not API. A
 * plugin writes the same ideas with {@link dev.dlfs.tensor.Tensor} operations.
 */
package dev.dlfs.tensor.fused;
