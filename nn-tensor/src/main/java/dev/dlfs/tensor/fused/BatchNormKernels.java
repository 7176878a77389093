package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;

/**
 * The batch normalization layer's passes over a batch, in float64 whatever the model's dtype. A batch is seen as
 * (N, F, P): N samples of F features with P values each (1 for (N, D) input, H·W for a channel of (N, C, H, W));
 * a statistic is a float64 tensor of (F). Sums run sample by sample, each sample's P values in index order, so
 * their bits depend on nothing but the data. Allocation-free.
 */
public final class BatchNormKernels {
    private BatchNormKernels() {
    }

    /** {@code x} itself if it is float64, otherwise {@code x} converted into {@code scratch} (same shape). */
    public static Tensor asFloat64(Tensor x, Tensor scratch) {
        if (x.dtype() == DType.FLOAT64) {
            return x;
        }
        Operands.float64("batchnorm", "scratch", scratch);
        if (scratch.size() != x.size()) {
            throw new IllegalArgumentException("batchnorm: scratch " + scratch.describe() + " does not fit "
                    + x.describe());
        }
        float[] src = x.floatArray();
        double[] dst = scratch.doubleArray();
        int so = x.offset();
        int co = scratch.offset();
        for (int i = 0; i < x.size(); i++) {
            dst[co + i] = src[so + i];
        }
        return scratch;
    }

    /** {@code sum[f] = Σ x} over the samples and the values of feature f. */
    public static void featureSums(Tensor x, Tensor sum) {
        sums("batchnorm sums", x, null, sum, null);
    }

    /** {@code sumX[f] = Σ x} and {@code sumXY[f] = Σ x·y}, in one pass. */
    public static void featureSums(Tensor x, Tensor y, Tensor sumX, Tensor sumXY) {
        Operands.sameDtypeAndShape("batchnorm sums", x, y);
        sums("batchnorm sums", x, y, sumX, sumXY);
    }

    /** {@code sum[f] = Σ (x − mean[f])²}. */
    public static void squaredDeviationSums(Tensor x, Tensor mean, Tensor sum) {
        int plane = plane("batchnorm squared deviations", x, sum);
        statistic("batchnorm squared deviations", "mean", mean, sum.size());
        double[] a = x.doubleArray();
        double[] mu = mean.doubleArray();
        double[] out = sum.doubleArray();
        int ao = x.offset();
        int mo = mean.offset();
        int oo = sum.offset();
        int features = sum.size();
        java.util.Arrays.fill(out, oo, oo + features, 0);
        for (int i = 0; i < x.dim(0); i++) {
            for (int f = 0; f < features; f++) {
                int base = ao + (i * features + f) * plane;
                double m = mu[mo + f];
                double s = 0;
                for (int p = 0; p < plane; p++) {
                    double c = a[base + p] - m;
                    s += c * c;
                }
                out[oo + f] += s;
            }
        }
    }

    /**
     * {@code xn = (x − mean[f])·invStd[f]} (float64) and {@code y = gamma[f]·xn + beta[f]} (in the dtype of y, which
     * gamma and beta share); returns y.
     */
    public static Tensor normalize(Tensor x, Tensor mean, Tensor invStd, Tensor gamma, Tensor beta, Tensor xn,
                                   Tensor y) {
        String op = "batchnorm normalize";
        int plane = plane(op, x, mean);
        int features = mean.size();
        statistic(op, "invStd", invStd, features);
        Operands.sameDtypeAndShape(op, x, xn);
        Operands.sameDtype(op, y, gamma);
        Operands.sameDtype(op, y, beta);
        if (y.size() != x.size() || gamma.size() != features || beta.size() != features) {
            throw new IllegalArgumentException(op + ": y " + y.describe() + ", gamma " + gamma.describe()
                    + " and beta " + beta.describe() + " do not fit " + x.describe() + " of " + features + " features");
        }
        double[] a = x.doubleArray();
        double[] z = xn.doubleArray();
        double[] mu = mean.doubleArray();
        double[] is = invStd.doubleArray();
        int ao = x.offset();
        int zo = xn.offset();
        for (int i = 0; i < x.dim(0); i++) {
            for (int f = 0; f < features; f++) {
                int at = (i * features + f) * plane;
                double m = mu[mean.offset() + f];
                double k = is[invStd.offset() + f];
                double g = gamma.getFlat(f);
                double b = beta.getFlat(f);
                for (int p = 0; p < plane; p++) {
                    double v = (a[ao + at + p] - m) * k;
                    z[zo + at + p] = v;
                    store(y, at + p, g * v + b);
                }
            }
        }
        return y;
    }

    /**
     * The input gradient, from the float64 upstream gradient {@code dout}, the normalized input {@code xn}, the
     * per-feature {@code scale = gamma·invStd} and the sums {@code Σ dout}, {@code Σ dout·xn} of
     * {@link #featureSums(Tensor, Tensor, Tensor, Tensor)}. With batch statistics ({@code training}), which depend on
     * x too, the mean of dout and its component along xn are removed: {@code dx = scale·(dout − (Σ dout + xn·Σ
     * dout·xn) / m)} over the m = N·P values of a feature (the book's chain through xc, std and var, simplified).
     * With running statistics, {@code dx = scale·dout}. Written in the dtype of dx; returns dx.
     */
    public static Tensor inputGradient(Tensor dout, Tensor xn, Tensor scale, Tensor doutSum, Tensor doutXnSum,
                                       boolean training, Tensor dx) {
        String op = "batchnorm backward";
        int plane = plane(op, dout, scale);
        int features = scale.size();
        Operands.sameDtypeAndShape(op, dout, xn);
        statistic(op, "Σ dout", doutSum, features);
        statistic(op, "Σ dout·xn", doutXnSum, features);
        if (dx.size() != dout.size()) {
            throw new IllegalArgumentException(op + ": dx " + dx.describe() + " does not fit " + dout.describe());
        }
        int m = dout.dim(0) * plane;
        double[] d = dout.doubleArray();
        double[] z = xn.doubleArray();
        int dOff = dout.offset();
        int zo = xn.offset();
        for (int i = 0; i < dout.dim(0); i++) {
            for (int f = 0; f < features; f++) {
                int at = (i * features + f) * plane;
                double k = scale.getFlat(f);
                double sumA = doutSum.getFlat(f);
                double sumB = doutXnSum.getFlat(f);
                for (int p = 0; p < plane; p++) {
                    double v = d[dOff + at + p];
                    store(dx, at + p, training ? k * (v - (sumA + z[zo + at + p] * sumB) / m) : k * v);
                }
            }
        }
        return dx;
    }

    /** {@code sumA[f] = Σ a}, and if {@code b} is given {@code sumB[f] = Σ a·b}. */
    private static void sums(String op, Tensor a, Tensor b, Tensor sumA, Tensor sumB) {
        int plane = plane(op, a, sumA);
        int features = sumA.size();
        if (sumB != null) {
            statistic(op, "Σ x·y", sumB, features);
        }
        double[] x = a.doubleArray();
        double[] y = b == null ? null : b.doubleArray();
        double[] outA = sumA.doubleArray();
        double[] outB = sumB == null ? null : sumB.doubleArray();
        int xo = a.offset();
        int yo = b == null ? 0 : b.offset();
        int ao = sumA.offset();
        int bo = sumB == null ? 0 : sumB.offset();
        java.util.Arrays.fill(outA, ao, ao + features, 0);
        if (outB != null) {
            java.util.Arrays.fill(outB, bo, bo + features, 0);
        }
        for (int i = 0; i < a.dim(0); i++) {
            for (int f = 0; f < features; f++) {
                int at = (i * features + f) * plane;
                double s = 0;
                double t = 0;
                for (int p = 0; p < plane; p++) {
                    s += x[xo + at + p];
                    if (y != null) {
                        t += x[xo + at + p] * y[yo + at + p];
                    }
                }
                outA[ao + f] += s;
                if (outB != null) {
                    outB[bo + f] += t;
                }
            }
        }
    }

    /** P, the values per feature of float64 {@code x} (N, …) with as many features as {@code statistic} holds. */
    private static int plane(String op, Tensor x, Tensor statistic) {
        Operands.float64(op, "the batch", x);
        Operands.float64(op, "the statistic", statistic);
        int features = statistic.size();
        int n = x.rank() == 0 ? 0 : x.dim(0);
        if (x.rank() < 2 || statistic.rank() != 1 || features == 0 || n != 0 && x.size() / n % features != 0) {
            throw new IllegalArgumentException(op + ": " + x.describe() + " is not a batch of samples of "
                    + features + " features (statistic " + statistic.describe() + ")");
        }
        return n == 0 ? 0 : x.size() / n / features;
    }

    /** Fails unless {@code t} is a float64 statistic of {@code features} values. */
    private static void statistic(String op, String name, Tensor t, int features) {
        Operands.float64(op, name, t);
        if (t.rank() != 1 || t.size() != features) {
            throw new IllegalArgumentException(op + ": " + name + " " + t.describe() + " must have " + features
                    + " values, one per feature");
        }
    }

    private static void store(Tensor t, int i, double v) {
        if (t.dtype() == DType.FLOAT64) {
            t.doubleArray()[t.offset() + i] = v;
        } else {
            t.floatArray()[t.offset() + i] = (float) v;
        }
    }
}
