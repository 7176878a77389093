// DoubleActivations.java is generated from this file by build-tools/TwinGenerator.java.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.simd.FloatMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 loops of {@link ActivationKernels} on raw arrays: {@code n} elements from each offset. Vector loops with
 * scalar tails; outputs may alias inputs.
 */
final class FloatActivations {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private FloatActivations() {
    }

    /** y = max(x, 0), with {@code Math.max}'s NaN rule in every lane and in the tail. */
    static void relu(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).max(0f).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = Math.max(x[xo + i], 0f);
        }
    }

    /** dx = dout where the output was positive, else 0 (the book's mask of x &lt;= 0). */
    static void reluBackward(float[] y, int yo, float[] dout, int go, float[] dx, int dxo, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            VectorMask<Float> on = FloatVector.fromArray(S, y, yo + i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dout, go + i), on).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            dx[dxo + i] = y[yo + i] > 0f ? dout[go + i] : 0f;
        }
    }

    /** dx = dout·y·(1 − y) from the sigmoid's output y. */
    static void sigmoidBackward(float[] y, int yo, float[] dout, int go, float[] dx, int dxo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, y, yo + i);
            FloatVector.fromArray(S, dout, go + i).mul(v).mul(v.neg().add(1f)).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            float v = y[yo + i];
            dx[dxo + i] = dout[go + i] * v * (1f - v);
        }
    }

    /** dx = dout·(1 − y²) from the tanh's output y. */
    static void tanhBackward(float[] y, int yo, float[] dout, int go, float[] dx, int dxo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, y, yo + i);
            FloatVector.fromArray(S, dout, go + i).mul(v.mul(v).neg().add(1f)).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            float v = y[yo + i];
            dx[dxo + i] = dout[go + i] * (1f - v * v);
        }
    }

    /**
     * log(1 + eˣ) as max(x, 0) + log1p(e^−|x|), which neither overflows nor loses small values; with the tensor
     * core's deterministic exp and log1p, so every lane and the tail give the same bits.
     */
    static void softplus(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            v.max(0f).add(FloatMath.log1p(FloatMath.exp(v.abs().neg()))).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            float v = x[xo + i];
            y[yo + i] = Math.max(v, 0f) + FloatMath.log1p(FloatMath.exp(-Math.abs(v)));
        }
    }

    /** dx = dout·sigmoid(x): the derivative of softplus. */
    static void softplusBackward(float[] x, int xo, float[] dout, int go, float[] dx, int dxo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector s = FloatMath.sigmoid(FloatVector.fromArray(S, x, xo + i));
            FloatVector.fromArray(S, dout, go + i).mul(s).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            dx[dxo + i] = dout[go + i] * FloatMath.sigmoid(x[xo + i]);
        }
    }

    /** dx = y ⊙ (dout − ⟨dout, y⟩) per row: the softmax Jacobian applied to dout. */
    static void softmaxBackwardRows(float[] y, int yo, float[] dout, int go, float[] dx, int dxo, int rows,
                                    int cols) {
        for (int r = 0; r < rows; r++) {
            int a = yo + r * cols;
            int g = go + r * cols;
            int d = dxo + r * cols;
            double dot = 0;
            for (int i = 0; i < cols; i++) {
                dot += (double) y[a + i] * dout[g + i];
            }
            float s = (float) dot;
            int i = 0;
            for (int end = S.loopBound(cols); i < end; i += S.length()) {
                FloatVector.fromArray(S, dout, g + i).sub(s).mul(FloatVector.fromArray(S, y, a + i))
                        .intoArray(dx, d + i);
            }
            for (; i < cols; i++) {
                dx[d + i] = (dout[g + i] - s) * y[a + i];
            }
        }
    }
}
