// DoubleLossKernels.java is generated from this file by build-tools/TwinGenerator.java.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.simd.FloatMath;
import dev.dlfs.tensor.simd.FloatSum;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 loops of {@link LossKernels}. Each writes, for {@code i < n}, the loss term {@code e[i] = f(y[i], t[i])}
 * and the gradient {@code g[i] = f'(y[i], t[i]) / batch}, in one pass whose vector lanes and scalar tail round alike,
 * and returns {@code Σ e} in {@link FloatSum}'s fixed order.
 */
final class FloatLossKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float HALF = 1f / 2;

    private FloatLossKernels() {
    }

    /** {@code e = ½·d²}, {@code g = d / batch}, with {@code d = y − t}. */
    static double squaredError(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n,
                               int batch) {
        float scale = 1f / batch;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, y, yo + i).sub(FloatVector.fromArray(S, t, to + i));
            d.mul(d).mul(HALF).intoArray(e, eo + i);
            d.mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            e[eo + i] = d * d * HALF;
            g[go + i] = d * scale;
        }
        return FloatSum.of(e, eo, n);
    }

    /** {@code e = |d|}, {@code g = sign(d) / batch} (0 where {@code d = 0}), with {@code d = y − t}. */
    static double absoluteError(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n,
                                int batch) {
        float scale = 1f / batch;
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, y, yo + i).sub(FloatVector.fromArray(S, t, to + i));
            d.abs().intoArray(e, eo + i);
            zero.blend(scale, d.compare(VectorOperators.GT, 0f)).blend(-scale, d.lt(0f)).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            e[eo + i] = Math.abs(d);
            g[go + i] = d > 0 ? scale : d < 0 ? -scale : 0f;
        }
        return FloatSum.of(e, eo, n);
    }

    /**
     * Huber: {@code e = ½·d²} where {@code |d| ≤ dl}, else {@code dl·|d| − offset} ({@code offset = ½·dl²});
     * {@code g = clamp(d, −dl, dl) / batch}, with {@code d = y − t}.
     */
    static double huber(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo, int n,
                        float dl, float offset, int batch) {
        float scale = 1f / batch;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, y, yo + i).sub(FloatVector.fromArray(S, t, to + i));
            FloatVector a = d.abs();
            FloatVector quadratic = d.mul(d).mul(HALF);
            FloatVector linear = a.mul(dl).sub(offset);
            linear.blend(quadratic, a.compare(VectorOperators.LE, dl)).intoArray(e, eo + i);
            d.max(-dl).min(dl).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float d = y[yo + i] - t[to + i];
            float a = Math.abs(d);
            e[eo + i] = a <= dl ? d * d * HALF : a * dl - offset;
            g[go + i] = Math.min(Math.max(d, -dl), dl) * scale;
        }
        return FloatSum.of(e, eo, n);
    }

    /**
     * Sigmoid then binary cross-entropy on scores {@code x = y}: {@code e = max(x, 0) − x·t + log(1 + e^−|x|)},
     * {@code g = (σ(x) − t) / batch}; both from one {@code z = e^−|x|}.
     */
    static double sigmoidCrossEntropy(float[] y, int yo, float[] t, int to, float[] g, int go, float[] e, int eo,
                                      int n, int batch) {
        float scale = 1f / batch;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, y, yo + i);
            FloatVector tv = FloatVector.fromArray(S, t, to + i);
            FloatVector z = FloatMath.exp(x.abs().neg());
            x.max(0f).sub(x.mul(tv)).add(FloatMath.log1p(z)).intoArray(e, eo + i);
            sigmoid(x, z).sub(tv).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            float x = y[yo + i];
            float tv = t[to + i];
            float z = FloatMath.exp(-Math.abs(x));
            e[eo + i] = Math.max(x, 0f) - x * tv + FloatMath.log1p(z);
            g[go + i] = (sigmoid(x, z) - tv) * scale;
        }
        return FloatSum.of(e, eo, n);
    }

    /** σ(x) from z = e^−|x|, as {@link FloatMath#sigmoid} computes it, reusing the z that the loss term needs. */
    private static FloatVector sigmoid(FloatVector x, FloatVector z) {
        return z.blend(1f, x.compare(VectorOperators.GE, 0f)).div(z.add(1f));
    }

    private static float sigmoid(float x, float z) {
        return (x >= 0 ? 1f : z) / (z + 1f);
    }
}
