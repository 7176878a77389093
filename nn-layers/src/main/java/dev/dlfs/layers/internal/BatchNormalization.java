package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
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
    private final double[] g;
    private final double[] invStd;
    private final double[] sumA;
    private final double[] sumB;
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
        this.g = new double[features];
        this.invStd = new double[features];
        this.sumA = new double[features];
        this.sumB = new double[features];
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        DType dtype = gamma.value().dtype();
        if (x.rank() != sampleShape.length + 1 || x.dtype() != dtype
                || !Arrays.equals(Arrays.copyOfRange(x.shape(), 1, x.rank()), sampleShape)) {
            throw new IllegalArgumentException("batchnorm: input " + x.describe() + ", expected " + dtype
                    + " batches of samples shaped " + Shapes.format(sampleShape));
        }
        int n = x.dim(0);
        int m = n * plane;
        if (training && m == 0) {
            throw new IllegalArgumentException("batchnorm: an empty batch " + x.describe() + " has no statistics");
        }
        lastTraining = training;
        Tensor xd = asDouble(x, x64);
        double[] a = xd.doubleArray();
        int ao = xd.offset();
        xn = normalized.get(DType.FLOAT64, x.shape());
        double[] z = xn.doubleArray();
        int zo = xn.offset();
        for (int f = 0; f < features; f++) {
            g[f] = gamma.value().getFlat(f);
        }
        if (training) {
            sums(a, ao, null, 0, n);                         // sumA = Σx
            for (int f = 0; f < features; f++) {
                sumA[f] /= m;                                  // mean
            }
            Arrays.fill(sumB, 0);
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < features; f++) {
                    int base = ao + (i * features + f) * plane;
                    double mu = sumA[f];
                    double s = 0;
                    for (int p = 0; p < plane; p++) {
                        double c = a[base + p] - mu;
                        s += c * c;
                    }
                    sumB[f] += s;
                }
            }
            for (int f = 0; f < features; f++) {
                double var = sumB[f] / m;
                invStd[f] = 1 / Math.sqrt(var + epsilon);
                runningMean.setFlat(f, momentum * runningMean.getFlat(f) + (1 - momentum) * sumA[f]);
                runningVar.setFlat(f, momentum * runningVar.getFlat(f) + (1 - momentum) * var);
            }
        } else {
            for (int f = 0; f < features; f++) {
                sumA[f] = runningMean.getFlat(f);
                invStd[f] = 1 / Math.sqrt(runningVar.getFlat(f) + epsilon);
            }
        }
        Tensor y = out.get(dtype, x.shape());
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                int at = (i * features + f) * plane;
                double mu = sumA[f];
                double is = invStd[f];
                double bf = beta.value().getFlat(f);
                for (int p = 0; p < plane; p++) {
                    double v = (a[ao + at + p] - mu) * is;
                    z[zo + at + p] = v;
                    store(y, at + p, g[f] * v + bf);
                }
            }
        }
        return y;
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
        int n = dout.dim(0);
        int m = n * plane;
        Tensor gd = asDouble(dout, x64);
        double[] d = gd.doubleArray();
        int dOff = gd.offset();
        double[] z = xn.doubleArray();
        int zo = xn.offset();
        sums(d, dOff, z, zo, n);                               // sumA = Σ dout (dβ), sumB = Σ dout·x̂ (dγ)
        for (int f = 0; f < features; f++) {
            beta.grad().setFlat(f, sumA[f]);
            gamma.grad().setFlat(f, sumB[f]);
        }
        Tensor result = dx.get(dout.dtype(), dout.shape());
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                int at = (i * features + f) * plane;
                double k = g[f] * invStd[f];
                for (int p = 0; p < plane; p++) {
                    double v = d[dOff + at + p];
                    // Training: the batch statistics depend on x too, which removes the mean of dout and its
                    // component along x̂ (the book's chain through xc, std and var, simplified).
                    store(result, at + p, lastTraining ? k * (v - (sumA[f] + z[zo + at + p] * sumB[f]) / m) : k * v);
                }
            }
        }
        return result;
    }

    /** {@code sumA[f] = Σ a}, and if {@code b} is given {@code sumB[f] = Σ a·b}, over batch and plane. */
    private void sums(double[] a, int ao, double[] b, int bo, int n) {
        Arrays.fill(sumA, 0);
        Arrays.fill(sumB, 0);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                int at = (i * features + f) * plane;
                double s = 0;
                double t = 0;
                for (int p = 0; p < plane; p++) {
                    s += a[ao + at + p];
                    if (b != null) {
                        t += a[ao + at + p] * b[bo + at + p];
                    }
                }
                sumA[f] += s;
                sumB[f] += t;
            }
        }
    }

    /** {@code t} itself if it is float64, else a float64 copy in {@code ws}. */
    private static Tensor asDouble(Tensor t, Workspace ws) {
        if (t.dtype() == DType.FLOAT64) {
            return t;
        }
        Tensor c = ws.get(DType.FLOAT64, t.shape());
        float[] src = t.floatArray();
        double[] dst = c.doubleArray();
        int so = t.offset();
        int co = c.offset();
        for (int i = 0; i < t.size(); i++) {
            dst[co + i] = src[so + i];
        }
        return c;
    }

    private static void store(Tensor t, int i, double v) {
        if (t.dtype() == DType.FLOAT64) {
            t.doubleArray()[t.offset() + i] = v;
        } else {
            t.floatArray()[t.offset() + i] = (float) v;
        }
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
