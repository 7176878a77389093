package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.PoolingKernels;

/**
 * The book's Pooling layer on NCHW batches, max (the book's) or average, each channel separately: a ph×pw window
 * moved by a stride over the zero-padded plane. Max remembers which element won each window for the backward pass.
 */
final class Pooling implements Layer {
    /** What a window reduces to. */
    enum Mode {
        MAX, AVERAGE
    }

    private final Mode mode;
    private final int ph;
    private final int pw;
    private final int sh;
    private final int sw;
    private final int padH;
    private final int padW;
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private final PoolingKernels.Scratch scratch = new PoolingKernels.Scratch();
    private int[] argmax = new int[0];
    private int[] xShape;
    private PoolingKernels.Geometry geometry;

    Pooling(Mode mode, int ph, int pw, int sh, int sw, int padH, int padW) {
        if (ph < 1 || pw < 1 || sh < 1 || sw < 1 || padH < 0 || padW < 0) {
            throw new IllegalArgumentException("pooling: size " + ph + "×" + pw + ", stride " + sh + "×" + sw
                    + ", pad " + padH + "×" + padW + ": size and stride must be >= 1, pad >= 0");
        }
        if (padH >= ph || padW >= pw) {
            // A window entirely in the padding would pool nothing but zeros.
            throw new IllegalArgumentException("pooling: pad " + padH + "×" + padW + " must be smaller than the"
                    + " window " + ph + "×" + pw);
        }
        this.mode = mode;
        this.ph = ph;
        this.pw = pw;
        this.sh = sh;
        this.sw = sw;
        this.padH = padH;
        this.padW = padW;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("pooling: input must be (N, C, H, W), got " + x.describe());
        }
        int[] o = outputShape(new int[] {x.dim(1), x.dim(2), x.dim(3)});
        xShape = x.shape();
        geometry = new PoolingKernels.Geometry(ph, pw, sh, sw, padH, padW, x.dim(2), x.dim(3), o[1], o[2]);
        int planes = x.dim(0) * x.dim(1);
        Tensor y = out.get(x.dtype(), x.dim(0), o[0], o[1], o[2]);
        if (mode == Mode.MAX) {
            if (argmax.length < y.size()) {
                argmax = new int[y.size()];
            }
            PoolingKernels.maxForward(x, y, argmax, scratch, planes, geometry);
        } else {
            PoolingKernels.averageForward(x, y, scratch, planes, geometry);
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (xShape == null) {
            throw new IllegalStateException("pooling: backward before forward");
        }
        if (dout.rank() != 4 || dout.dim(0) != xShape[0] || dout.dim(1) != xShape[1]
                || dout.dim(2) != geometry.oh() || dout.dim(3) != geometry.ow()) {
            throw new IllegalArgumentException("pooling backward: gradient " + dout.describe() + ", expected "
                    + Shapes.format(xShape[0], xShape[1], geometry.oh(), geometry.ow()));
        }
        Tensor g = dx.get(dout.dtype(), xShape);
        if (mode == Mode.MAX) {
            PoolingKernels.maxBackward(dout, argmax, g, xShape[0] * xShape[1], geometry);
        } else {
            PoolingKernels.averageBackward(dout, g, scratch, xShape[0] * xShape[1], geometry);
        }
        return g;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException("pooling: input shape must be (C, H, W), got "
                    + Shapes.format(inputShape));
        }
        return new int[] {inputShape[0], size("height", inputShape[1], ph, sh, padH),
            size("width", inputShape[2], pw, sw, padW)};
    }

    private static int size(String axis, int in, int window, int stride, int pad) {
        if (in + 2 * pad < window) {
            throw new IllegalArgumentException("pooling: a window of " + window + " does not fit the input " + axis
                    + " " + in + " with pad " + pad);
        }
        return (in + 2 * pad - window) / stride + 1;
    }
}
