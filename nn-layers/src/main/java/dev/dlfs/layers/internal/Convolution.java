package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.ConvolutionKernels;
import java.util.List;

/**
 * The book's Convolution layer on NCHW batches: filters W of (FN, C, FH, FW), biases b of (FN), a stride and a zero
 * padding per axis. As in the book, im2col turns the convolution into matrix products, here one per image
 * ({@link ConvolutionKernels}), whose output is already NCHW.
 */
final class Convolution implements Layer {
    private final Parameter w;
    private final Parameter b;
    private final int filters;
    private final int channels;
    private final int fh;
    private final int fw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor lastX;
    private ConvolutionKernels.Geometry geometry;
    private boolean inputGradient = true;
    /** The ReLU after this layer is applied here (see {@link Layer#rectifyOutput}). */
    private boolean rectify;

    /** {@code stride} and {@code pad} are (rows, columns). */
    Convolution(Tensor w, Tensor b, int[] stride, int[] pad) {
        if (w.rank() != 4 || b.rank() != 1 || b.dim(0) != w.dim(0) || w.dtype() != b.dtype()) {
            throw new IllegalArgumentException("convolution: W must be (FN, C, FH, FW) and b (FN,) of one dtype, got W "
                    + w.describe() + " and b " + b.describe());
        }
        if (stride[0] < 1 || stride[1] < 1 || pad[0] < 0 || pad[1] < 0) {
            throw new IllegalArgumentException("convolution: stride must be >= 1 and pad >= 0, got stride "
                    + Shapes.format(stride) + ", pad " + Shapes.format(pad));
        }
        this.w = Parameter.of("W", w, true);
        this.b = Parameter.of("b", b, false);
        this.filters = w.dim(0);
        this.channels = w.dim(1);
        this.fh = w.dim(2);
        this.fw = w.dim(3);
        this.sh = stride[0];
        this.sw = stride[1];
        this.ph = pad[0];
        this.pw = pad[1];
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        DType dtype = w.value().dtype();
        if (x.rank() != 4 || x.dim(1) != channels || x.dtype() != dtype) {
            throw new IllegalArgumentException("convolution: input " + x.describe() + ", expected " + dtype
                    + " (N, " + channels + ", H, W) for filters " + w.value().describe());
        }
        geometry = geometry(x.dim(2), x.dim(3));
        Tensor y = out.get(dtype, x.dim(0), filters, geometry.oh(), geometry.ow());
        ConvolutionKernels.forward(x, w.value(), b.value(), geometry, y, rectify);
        lastX = x;
        return y;
    }

    @Override
    public boolean rectifyOutput() {
        rectify = true;
        return true;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (lastX == null) {
            throw new IllegalStateException("convolution: backward before forward");
        }
        int n = lastX.dim(0);
        if (dout.rank() != 4 || dout.dim(0) != n || dout.dim(1) != filters || dout.dim(2) != geometry.oh()
                || dout.dim(3) != geometry.ow() || dout.dtype() != lastX.dtype()) {
            throw new IllegalArgumentException("convolution backward: gradient " + dout.describe() + ", expected "
                    + lastX.dtype() + Shapes.format(n, filters, geometry.oh(), geometry.ow()));
        }
        Tensor g = inputGradient ? dx.get(dout.dtype(), lastX.shape()) : null;
        ConvolutionKernels.backward(lastX, w.value(), dout, geometry, w.grad(), b.grad(), g);
        return g;
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
        if (inputShape.length != 3 || inputShape[0] != channels) {
            throw new IllegalArgumentException("convolution: input shape " + Shapes.format(inputShape)
                    + " is not (" + channels + ", H, W) for filters " + Shapes.format(w.value().shape()));
        }
        ConvolutionKernels.Geometry g = geometry(inputShape[1], inputShape[2]);
        return new int[] {filters, g.oh(), g.ow()};
    }

    private ConvolutionKernels.Geometry geometry(int h, int wd) {
        ConvolutionKernels.Geometry g = geometry;
        if (g != null && g.h() == h && g.w() == wd) {
            return g;
        }
        return new ConvolutionKernels.Geometry(channels, h, wd, fh, fw, sh, sw, ph, pw);
    }
}
