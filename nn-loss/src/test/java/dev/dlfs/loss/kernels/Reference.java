package dev.dlfs.loss.kernels;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.SplittableRandom;

/** Naive float64 loops written straight from the formulas: the independent reference the kernels are tested on. */
public final class Reference {
    private Reference() {
    }

    public static double[] softmax(double[] x, int classes) {
        double[] p = new double[x.length];
        for (int r = 0; r < x.length / classes; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, x[r * classes + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                sum += Math.exp(x[r * classes + j] - max);
            }
            for (int j = 0; j < classes; j++) {
                p[r * classes + j] = Math.exp(x[r * classes + j] - max) / sum;
            }
        }
        return p;
    }

    public static double[] oneHot(int[] labels, int classes) {
        double[] t = new double[labels.length * classes];
        for (int r = 0; r < labels.length; r++) {
            t[r * classes + labels[r]] = 1;
        }
        return t;
    }

    /** Mean over rows of {@code -Σ t·log(p + 1e-7)}. */
    public static double crossEntropy(double[] p, double[] t, int rows) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += -t[i] * Math.log(p[i] + 1e-7);
        }
        return s / rows;
    }

    /** Σ 0.5·(y - t)² / rows. */
    public static double meanSquared(double[] y, double[] t, int rows) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += 0.5 * (y[i] - t[i]) * (y[i] - t[i]);
        }
        return s / rows;
    }

    public static double meanAbsolute(double[] y, double[] t, int rows) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.abs(y[i] - t[i]);
        }
        return s / rows;
    }

    public static double huber(double[] y, double[] t, double delta, int rows) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = Math.abs(y[i] - t[i]);
            s += a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
        }
        return s / rows;
    }

    /** The textbook form {@code -t·log σ(x) - (1-t)·log(1-σ(x))}, fine for moderate x. */
    public static double binaryCrossEntropy(double[] x, double[] t, int rows) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double p = 1 / (1 + Math.exp(-x[i]));
            s += -t[i] * Math.log(p) - (1 - t[i]) * Math.log(1 - p);
        }
        return s / rows;
    }

    public static double[] sigmoid(double[] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = 1 / (1 + Math.exp(-x[i]));
        }
        return p;
    }

    /** Element-wise {@code (a - b) / rows}: the gradient of softmax-with-loss, sigmoid-with-loss and MSE. */
    public static double[] differenceOverRows(double[] a, double[] b, int rows) {
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            g[i] = (a[i] - b[i]) / rows;
        }
        return g;
    }

    public static double[] gaussian(SplittableRandom rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rng.nextGaussian();
        }
        return v;
    }

    public static int[] labels(SplittableRandom rng, int rows, int classes) {
        int[] l = new int[rows];
        for (int r = 0; r < rows; r++) {
            l[r] = rng.nextInt(classes);
        }
        return l;
    }

    /** A tensor of {@code dtype} holding {@code v} (rounded to float for float32). */
    public static Tensor tensor(DType dtype, double[] v, int... shape) {
        return Tensor.of(v, shape).to(dtype);
    }

    /** Label indices as a tensor of {@code dtype}. */
    public static Tensor labelTensor(DType dtype, int[] labels) {
        double[] v = new double[labels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = labels[i];
        }
        return tensor(dtype, v, labels.length);
    }

    /** The values a tensor actually holds, as doubles (what the reference must be fed for float32). */
    public static double[] values(Tensor t) {
        return t.toDoubleArray();
    }

    /** Max |a - b| / max(|b|, 1e-300) — relative difference to the reference b. */
    public static double maxRelativeDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            worst = Math.max(worst, b[i] == 0 ? d : d / Math.abs(b[i]));
        }
        return worst;
    }
}
