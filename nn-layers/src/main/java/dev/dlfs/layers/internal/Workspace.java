package dev.dlfs.layers.internal;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * The layers' name for the public {@link dev.dlfs.tensor.Workspace}, which holds the reuse rule. Kept only so the
 * layer classes need no edit while they are being rewritten elsewhere; they can import the public class instead.
 */
final class Workspace {
    private final dev.dlfs.tensor.Workspace buffer = new dev.dlfs.tensor.Workspace();

    Tensor get(DType dtype, int... shape) {
        return buffer.get(dtype, shape);
    }
}
