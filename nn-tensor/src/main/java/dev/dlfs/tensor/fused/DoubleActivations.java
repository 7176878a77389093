// Generated from FloatActivations.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.simd.DoubleMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 loops of {@link ActivationKernels} on raw arrays: {@code n} elements from each offset. Vector loops with
 * scalar tails; outputs may alias inputs.
 */
final class DoubleActivations {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleActivations() {
    }

    /** y = max(x, 0), with {@code Math.max}'s NaN rule in every lane and in the tail. */
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

    /**
     * log(1 + eˣ) as max(x, 0) + log1p(e^−|x|), which neither overflows nor loses small values; with the tensor
     * core's deterministic exp and log1p, so every lane and the tail give the same bits.
     */
    static void softplus(double[] x, int xo, double[] y, int yo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.max(0.0).add(DoubleMath.log1p(DoubleMath.exp(v.abs().neg()))).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            double v = x[xo + i];
            y[yo + i] = Math.max(v, 0.0) + DoubleMath.log1p(DoubleMath.exp(-Math.abs(v)));
        }
    }

    /** dx = dout·sigmoid(x): the derivative of softplus. */
    static void softplusBackward(double[] x, int xo, double[] dout, int go, double[] dx, int dxo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            DoubleVector s = DoubleMath.sigmoid(DoubleVector.fromArray(S, x, xo + i));
            DoubleVector.fromArray(S, dout, go + i).mul(s).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            dx[dxo + i] = dout[go + i] * DoubleMath.sigmoid(x[xo + i]);
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
                dot += (double) y[a + i] * dout[g + i];
            }
            double s = (double) dot;
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
}
