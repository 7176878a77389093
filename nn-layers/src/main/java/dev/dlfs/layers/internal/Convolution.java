package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.Im2col;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.ConvolutionKernels;
import java.util.List;

/**
 * The book's Convolution layer on NCHW batches: filters W of (FN, C, FH, FW), biases b of (FN), one stride and one
 * zero padding for both axes. As in the book, im2col turns the convolution into one matrix product:
 * {@code col (N·OH·OW, C·FH·FW) · W2ᵀ (C·FH·FW, FN)}, whose rows are then rearranged to (N, FN, OH, OW).
 */
final class Convolution implements Layer {
    private final Parameter w;
    private final Parameter b;
    private final int filters;
    private final int channels;
    private final int fh;
    private final int fw;
    private final int stride;
    private final int pad;
    private final Workspace col = new Workspace();
    private final Workspace rowsOut = new Workspace();
    private final Workspace out = new Workspace();
    private final Workspace rowsGrad = new Workspace();
    private final Workspace colGrad = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor lastCol;
    private int[] xShape;
    private boolean inputGradient = true;

    Convolution(Tensor w, Tensor b, int stride, int pad) {
        if (w.rank() != 4 || b.rank() != 1 || b.dim(0) != w.dim(0) || w.dtype() != b.dtype()) {
            throw new IllegalArgumentException("convolution: W must be (FN, C, FH, FW) and b (FN,) of one dtype, got W "
                    + w.describe() + " and b " + b.describe());
        }
        if (stride < 1 || pad < 0) {
            throw new IllegalArgumentException("convolution: stride must be >= 1 and pad >= 0, got stride " + stride
                    + ", pad " + pad);
        }
        this.w = Parameter.of("W", w, true);
        this.b = Parameter.of("b", b, false);
        this.filters = w.dim(0);
        this.channels = w.dim(1);
        this.fh = w.dim(2);
        this.fw = w.dim(3);
        this.stride = stride;
        this.pad = pad;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        DType dtype = w.value().dtype();
        if (x.rank() != 4 || x.dim(1) != channels || x.dtype() != dtype) {
            throw new IllegalArgumentException("convolution: input " + x.describe() + ", expected " + dtype
                    + " (N, " + channels + ", H, W) for filters " + w.value().describe());
        }
        int[] o = outputShape(new int[] {channels, x.dim(2), x.dim(3)});
        int n = x.dim(0);
        int plane = o[1] * o[2];
        int k = channels * fh * fw;
        xShape = x.shape();
        lastCol = Im2col.im2col(x, fh, fw, stride, pad, col.get(dtype, n * plane, k));
        // col (N·P, K) · W2ᵀ (K, FN): the small filter matrix is the packed operand; rows then move to NCHW.
        Tensor r = rowsOut.get(dtype, n * plane, filters);
        Gemm.gemm(false, true, 1.0, lastCol, w.value().reshape(filters, k), 0.0, r);
        Tensor y = out.get(dtype, n, filters, o[1], o[2]);
        ConvolutionKernels.rowsToChannels(r, b.value(), y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (lastCol == null) {
            throw new IllegalStateException("convolution: backward before forward");
        }
        int n = xShape[0];
        int[] o = outputShape(new int[] {channels, xShape[2], xShape[3]});
        if (dout.rank() != 4 || dout.dim(0) != n || dout.dim(1) != filters || dout.dim(2) != o[1]
                || dout.dim(3) != o[2] || dout.dtype() != lastCol.dtype()) {
            throw new IllegalArgumentException("convolution backward: gradient " + dout.describe() + ", expected "
                    + lastCol.dtype() + Shapes.format(n, filters, o[1], o[2]));
        }
        DType dtype = dout.dtype();
        int plane = o[1] * o[2];
        int k = channels * fh * fw;
        Tensor g = rowsGrad.get(dtype, n * plane, filters);
        ConvolutionKernels.channelsToRows(dout, g);
        ConvolutionKernels.channelSums(dout, b.grad());
        Gemm.gemm(true, false, 1.0, g, lastCol, 0.0, w.grad().reshape(filters, k));
        if (!inputGradient) {
            return null;
        }
        Tensor dcol = colGrad.get(dtype, n * plane, k);
        Gemm.gemm(false, false, 1.0, g, w.value().reshape(filters, k), 0.0, dcol);
        return Im2col.col2im(dcol, fh, fw, stride, pad, dx.get(dtype, xShape));
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
        return new int[] {filters, Im2col.outputSize(inputShape[1], fh, stride, pad),
                Im2col.outputSize(inputShape[2], fw, stride, pad)};
    }
}
