package com.example.dlfs.plugin;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.Arrays;

/** A reusable buffer: the same tensor while the batch shape stays the same, so training allocates nothing. */
final class Scratch {
    private Tensor t;

    Tensor like(Tensor x) {
        return get(x.dtype(), x.shape());
    }

    Tensor get(DType dtype, int[] shape) {
        if (t == null || t.dtype() != dtype || !Arrays.equals(t.shape(), shape)) {
            t = Tensor.zeros(dtype, shape);
        }
        return t;
    }
}
