package dev.dlfs.layers.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 activation kernels on raw arrays: {@code n} elements from each offset. Vector loops with scalar tails;
 * outputs may alias inputs.
 */
final class DoubleActivations {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleActivations() {
    }

    static void relu(double[] x, int xo, double[] y, int yo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector.fromArray(S, x, xo + i).max(0.0).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.max(x[xo + i], 0.0);
        }
    }

    /** dx = dout where the output was positive, else 0 (the book's mask of x &lt;= 0). */
    static void reluBackward(double[] y, int yo, double[] dout, int go, double[] dx, int dxo, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            VectorMask<Double> on = DoubleVector.fromArray(S, y, yo + i).compare(VectorOperators.GT, 0.0);
            zero.blend(DoubleVector.fromArray(S, dout, go + i), on).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            dx[dxo + i] = y[yo + i] > 0.0 ? dout[go + i] : 0.0;
        }
    }

    static void step(double[] x, int xo, double[] y, int yo, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            VectorMask<Double> on = DoubleVector.fromArray(S, x, xo + i).compare(VectorOperators.GT, 0.0);
            zero.blend(one, on).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = x[xo + i] > 0.0 ? 1.0 : 0.0;
        }
    }

    static void sigmoid(double[] x, int xo, double[] y, int yo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector e = DoubleVector.fromArray(S, x, xo + i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(1.0)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = 1.0 / (1.0 + Math.exp(-x[xo + i]));
        }
    }

    /** dx = dout·y·(1 − y) from the sigmoid's output y. */
    static void sigmoidBackward(double[] y, int yo, double[] dout, int go, double[] dx, int dxo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, y, yo + i);
            DoubleVector.fromArray(S, dout, go + i).mul(v).mul(v.neg().add(1.0)).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            double v = y[yo + i];
            dx[dxo + i] = dout[go + i] * v * (1.0 - v);
        }
    }

    static void tanh(double[] x, int xo, double[] y, int yo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector.fromArray(S, x, xo + i).lanewise(VectorOperators.TANH).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.tanh(x[xo + i]);
        }
    }

    /** dx = dout·(1 − y²) from the tanh's output y. */
    static void tanhBackward(double[] y, int yo, double[] dout, int go, double[] dx, int dxo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, y, yo + i);
            DoubleVector.fromArray(S, dout, go + i).mul(v.mul(v).neg().add(1.0)).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            double v = y[yo + i];
            dx[dxo + i] = dout[go + i] * (1.0 - v * v);
        }
    }

    /** log(1 + eˣ) as max(x, 0) + log1p(e^−|x|), which neither overflows nor loses small values. */
    static void softplus(double[] x, int xo, double[] y, int yo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            DoubleVector tail = v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P);
            v.max(0.0).add(tail).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            double v = x[xo + i];
            y[yo + i] = Math.max(v, 0.0) + Math.log1p(Math.exp(-Math.abs(v)));
        }
    }

    /** dx = dout·sigmoid(x): the derivative of softplus. */
    static void softplusBackward(double[] x, int xo, double[] dout, int go, double[] dx, int dxo, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector e = DoubleVector.fromArray(S, x, xo + i).neg().lanewise(VectorOperators.EXP);
            DoubleVector.fromArray(S, dout, go + i).mul(one.div(e.add(1.0))).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            dx[dxo + i] = dout[go + i] / (1.0 + Math.exp(-x[xo + i]));
        }
    }

    /** Softmax of each row of length {@code cols}; the row max is subtracted first so exp never overflows. */
    static void softmaxRows(double[] x, int xo, double[] y, int yo, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int a = xo + r * cols;
            int b = yo + r * cols;
            double max = Double.NEGATIVE_INFINITY;
            int i = 0;
            if (cols >= S.length()) {
                DoubleVector m = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
                for (int end = S.loopBound(cols); i < end; i += S.length()) {
                    m = m.max(DoubleVector.fromArray(S, x, a + i));
                }
                max = m.reduceLanes(VectorOperators.MAX);
            }
            for (; i < cols; i++) {
                max = Math.max(max, x[a + i]);
            }
            double sum = 0;
            i = 0;
            DoubleVector acc = DoubleVector.zero(S);
            for (int end = S.loopBound(cols); i < end; i += S.length()) {
                DoubleVector e = DoubleVector.fromArray(S, x, a + i).sub(max).lanewise(VectorOperators.EXP);
                e.intoArray(y, b + i);
                acc = acc.add(e);
            }
            sum += acc.reduceLanes(VectorOperators.ADD);
            for (; i < cols; i++) {
                double e = Math.exp(x[a + i] - max);
                y[b + i] = e;
                sum += e;
            }
            scale(y, b, 1.0 / sum, cols);
        }
    }

    /** dx = y ⊙ (dout − ⟨dout, y⟩) per row: the softmax Jacobian applied to dout. */
    static void softmaxBackwardRows(double[] y, int yo, double[] dout, int go, double[] dx, int dxo, int rows,
                                    int cols) {
        for (int r = 0; r < rows; r++) {
            int a = yo + r * cols;
            int g = go + r * cols;
            int d = dxo + r * cols;
            double dot = 0;
            for (int i = 0; i < cols; i++) {
                dot += y[a + i] * dout[g + i];
            }
            double s = dot;
            int i = 0;
            for (int end = S.loopBound(cols); i < end; i += S.length()) {
                DoubleVector.fromArray(S, dout, g + i).sub(s).mul(DoubleVector.fromArray(S, y, a + i))
                        .intoArray(dx, d + i);
            }
            for (; i < cols; i++) {
                dx[d + i] = (dout[g + i] - s) * y[a + i];
            }
        }
    }

    static void scale(double[] y, int yo, double s, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector.fromArray(S, y, yo + i).mul(s).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] *= s;
        }
    }
}
