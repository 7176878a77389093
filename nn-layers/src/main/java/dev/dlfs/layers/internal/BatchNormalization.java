package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.Workspace;
import dev.dlfs.tensor.fused.BatchNormKernels;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's BatchNormalization: in training, each feature is normalised with the batch's mean and variance, then
 * scaled by {@code gamma} and shifted by {@code beta}; running averages of mean and variance (updated with
 * {@code momentum}) replace the batch statistics at inference.
 *
 * <p>Input (N, D) normalises each of the D features over the batch. Input (N, C, H, W) normalises each channel
 * over N·H·W values (gamma of shape (C,)); with {@code perChannel = false} it is flattened to (N, C·H·W) first, as
 * the book's code does. Statistics are computed in float64 whatever the dtype.
 */
final class BatchNormalization implements Layer {
    private final Parameter gamma;
    private final Parameter beta;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final double momentum;
    private final double epsilon;
    private final boolean perChannel;
    private final int[] sampleShape;
    private final int features;
    private final int plane;
    // Per-feature float64 statistics of the last forward pass (scale = γ·invStd), and the sums of the last backward.
    private final Tensor mean;
    private final Tensor variance;
    private final Tensor invStd;
    private final Tensor scale;
    private final Tensor doutSum;
    private final Tensor doutXnSum;
    private final Workspace x64 = new Workspace();
    private final Workspace normalized = new Workspace();
    private final Workspace out = new Workspace();
    private final Workspace dx = new Workspace();
    private Tensor xn;
    private boolean lastTraining;

    BatchNormalization(int[] sampleShape, DType dtype, double momentum, double epsilon, boolean perChannel) {
        if (sampleShape.length == 0 || Shapes.size(sampleShape) == 0) {
            throw new IllegalArgumentException("batchnorm: needs (D) or (C, H, W) input per sample, got "
                    + Shapes.format(sampleShape));
        }
        if (!(momentum >= 0 && momentum <= 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("batchnorm: momentum must be in [0, 1] and epsilon > 0, got momentum "
                    + momentum + ", epsilon " + epsilon);
        }
        this.sampleShape = sampleShape.clone();
        this.perChannel = perChannel;
        this.features = perChannel ? sampleShape[0] : Shapes.size(sampleShape);
        this.plane = Shapes.size(sampleShape) / features;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.gamma = Parameter.of("gamma", Tensor.ones(dtype, features), false);
        this.beta = Parameter.of("beta", Tensor.zeros(dtype, features), false);
        this.runningMean = Tensor.zeros(dtype, features);   // zeros for both, as in the book
        this.runningVar = Tensor.zeros(dtype, features);
        this.mean = Tensor.zeros(DType.FLOAT64, features);
        this.variance = Tensor.zeros(DType.FLOAT64, features);
        this.invStd = Tensor.zeros(DType.FLOAT64, features);
        this.scale = Tensor.zeros(DType.FLOAT64, features);
        this.doutSum = Tensor.zeros(DType.FLOAT64, features);
        this.doutXnSum = Tensor.zeros(DType.FLOAT64, features);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        DType dtype = gamma.value().dtype();
        if (x.rank() != sampleShape.length + 1 || x.dtype() != dtype
                || !Arrays.equals(Arrays.copyOfRange(x.shape(), 1, x.rank()), sampleShape)) {
            throw new IllegalArgumentException("batchnorm: input " + x.describe() + ", expected " + dtype
                    + " batches of samples shaped " + Shapes.format(sampleShape));
        }
        int m = x.dim(0) * plane;
        if (training && m == 0) {
            throw new IllegalArgumentException("batchnorm: an empty batch " + x.describe() + " has no statistics");
        }
        lastTraining = training;
        Tensor xd = BatchNormKernels.asFloat64(x, x64.get(DType.FLOAT64, x.shape()));
        if (training) {
            BatchNormKernels.featureSums(xd, mean);
            mean.divInPlace(m);
            BatchNormKernels.squaredDeviationSums(xd, mean, variance);
            variance.divInPlace(m);
            for (int f = 0; f < features; f++) {
                invStd.setFlat(f, 1 / Math.sqrt(variance.getFlat(f) + epsilon));
                runningMean.setFlat(f, momentum * runningMean.getFlat(f) + (1 - momentum) * mean.getFlat(f));
                runningVar.setFlat(f, momentum * runningVar.getFlat(f) + (1 - momentum) * variance.getFlat(f));
            }
        } else {
            for (int f = 0; f < features; f++) {
                mean.setFlat(f, runningMean.getFlat(f));
                invStd.setFlat(f, 1 / Math.sqrt(runningVar.getFlat(f) + epsilon));
            }
        }
        for (int f = 0; f < features; f++) {
            scale.setFlat(f, gamma.value().getFlat(f) * invStd.getFlat(f));
        }
        xn = normalized.get(DType.FLOAT64, x.shape());
        return BatchNormKernels.normalize(xd, mean, invStd, gamma.value(), beta.value(), xn,
                out.get(dtype, x.shape()));
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (xn == null) {
            throw new IllegalStateException("batchnorm: backward before forward");
        }
        if (!Arrays.equals(dout.shape(), xn.shape()) || dout.dtype() != gamma.value().dtype()) {
            throw new IllegalArgumentException("batchnorm backward: gradient " + dout.describe() + ", expected "
                    + gamma.value().dtype() + Shapes.format(xn.shape()));
        }
        Tensor gd = BatchNormKernels.asFloat64(dout, x64.get(DType.FLOAT64, dout.shape()));
        BatchNormKernels.featureSums(gd, xn, doutSum, doutXnSum);
        for (int f = 0; f < features; f++) {
            beta.grad().setFlat(f, doutSum.getFlat(f));        // dβ = Σ dout
            gamma.grad().setFlat(f, doutXnSum.getFlat(f));     // dγ = Σ dout·x̂
        }
        return BatchNormKernels.inputGradient(gd, xn, scale, doutSum, doutXnSum, lastTraining,
                dx.get(dout.dtype(), dout.shape()));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("running_mean", runningMean);
        m.put("running_var", runningVar);
        return m;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (!Arrays.equals(inputShape, sampleShape)) {
            throw new IllegalArgumentException("batchnorm: built for input " + Shapes.format(sampleShape)
                    + ", got " + Shapes.format(inputShape));
        }
        return inputShape.clone();
    }

    @Override
    public String toString() {
        return "batchnorm(" + features + (perChannel && plane > 1 ? " channels" : " features") + ")";
    }
}
