/**
 * The computations behind the built-in losses and {@link dev.dlfs.loss.LossFunctions}: the element-wise losses (each
 * one fused operation of nn-tensor), cross-entropy and target checks. Nothing here depends on the {@code Loss} SPI, so
 * the exported package can use these classes while {@code dev.dlfs.loss.internal} adapts them to the SPI, and no two
 * packages depend on each other.
 */
package dev.dlfs.loss.kernels;
