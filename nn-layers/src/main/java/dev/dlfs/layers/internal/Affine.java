package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.AffineKernels;
import java.util.List;

/**
 * The book's Affine layer (a dense layer): {@code out = x·W + b} with W of (in, out). Input of any rank is flattened
 * to (N, in) as in the book, and the input gradient gets the input's shape back.
 */
final class Affine implements Layer {
    private final Parameter w;
    private final Parameter b;
    private final int in;
    private final int units;
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor x2d;
    private int[] xShape;
    private boolean inputGradient = true;
    /** The ReLU after this layer is applied here (see {@link Layer#rectifyOutput}). */
    private boolean rectify;

    Affine(Tensor w, Tensor b) {
        if (w.rank() != 2 || b.rank() != 1 || b.dim(0) != w.dim(1) || w.dtype() != b.dtype()) {
            throw new IllegalArgumentException("affine: W must be (in, out) and b (out,) of one dtype, got W "
                    + w.describe() + " and b " + b.describe());
        }
        this.w = Parameter.of("W", w, true);
        this.b = Parameter.of("b", b, false);
        this.in = w.dim(0);
        this.units = w.dim(1);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        DType dtype = w.value().dtype();
        if (x.rank() < 2 || x.size() != x.dim(0) * in || x.dtype() != dtype) {
            throw new IllegalArgumentException("affine: input " + x.describe() + " does not fit W "
                    + w.value().describe() + ": expected " + dtype + " (N, " + in + ") or (N, …) with " + in
                    + " values per sample");
        }
        int n = x.dim(0);
        xShape = x.shape();
        x2d = x.reshape(n, in);
        Tensor y = out.get(dtype, n, units);
        Gemm.gemm(false, false, 1.0, x2d, w.value(), 0.0, y);
        AffineKernels.addBias(y, b.value(), rectify);  // + b on every row of the batch (and the next ReLU)
        return y;
    }

    @Override
    public boolean rectifyOutput() {
        rectify = true;
        return true;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (x2d == null) {
            throw new IllegalStateException("affine: backward before forward");
        }
        int n = x2d.dim(0);
        if (dout.rank() != 2 || dout.dim(0) != n || dout.dim(1) != units || dout.dtype() != x2d.dtype()) {
            throw new IllegalArgumentException("affine backward: gradient " + dout.describe() + ", expected "
                    + x2d.dtype() + Shapes.format(n, units));
        }
        Gemm.gemm(true, false, 1.0, x2d, dout, 0.0, w.grad());
        AffineKernels.biasGradient(dout, b.grad());  // db = Σ dout over the batch
        if (!inputGradient) {
            return null;
        }
        Tensor g = dx.get(x2d.dtype(), n, in);
        Gemm.gemm(false, true, 1.0, dout, w.value(), 0.0, g);
        return xShape.length == 2 ? g : g.reshape(xShape);
    }

    @Override
    public void needInputGradient(boolean needed) {
        inputGradient = needed;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(w, b);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (Shapes.size(inputShape) != in) {
            throw new IllegalArgumentException("affine: input shape " + Shapes.format(inputShape) + " has "
                    + Shapes.size(inputShape) + " values per sample, W expects " + in);
        }
        return new int[] {units};
    }
}
