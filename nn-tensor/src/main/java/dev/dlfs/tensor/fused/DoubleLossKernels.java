// Generated from FloatLossKernels.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.simd.DoubleMath;
import dev.dlfs.tensor.simd.DoubleSum;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 loops of {@link LossKernels}. Each writes, for {@code i < n}, the loss term {@code e[i] = f(y[i], t[i])}
 * and the gradient {@code g[i] = f'(y[i], t[i]) / batch}, in one pass whose vector lanes and scalar tail round alike,
 * and returns {@code Σ e} in {@link DoubleSum}'s fixed order.
 */
final class DoubleLossKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final double HALF = 1.0 / 2;

    private DoubleLossKernels() {
    }

    /** {@code e = ½·d²}, {@code g = d / batch}, with {@code d = y − t}. */
    static double squaredError(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
                               int batch) {
        double scale = 1.0 / batch;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector d = DoubleVector.fromArray(S, y, yo + i).sub(DoubleVector.fromArray(S, t, to + i));
            d.mul(d).mul(HALF).intoArray(e, eo + i);
            d.mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            e[eo + i] = d * d * HALF;
            g[go + i] = d * scale;
        }
        return DoubleSum.of(e, eo, n);
    }

    /** {@code e = |d|}, {@code g = sign(d) / batch} (0 where {@code d = 0}), with {@code d = y − t}. */
    static double absoluteError(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
                                int batch) {
        double scale = 1.0 / batch;
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector d = DoubleVector.fromArray(S, y, yo + i).sub(DoubleVector.fromArray(S, t, to + i));
            d.abs().intoArray(e, eo + i);
            zero.blend(scale, d.compare(VectorOperators.GT, 0.0)).blend(-scale, d.lt(0.0)).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            e[eo + i] = Math.abs(d);
            g[go + i] = d > 0 ? scale : d < 0 ? -scale : 0.0;
        }
        return DoubleSum.of(e, eo, n);
    }

    /**
     * Huber: {@code e = ½·d²} where {@code |d| ≤ dl}, else {@code dl·|d| − offset} ({@code offset = ½·dl²});
     * {@code g = clamp(d, −dl, dl) / batch}, with {@code d = y − t}.
     */
    static double huber(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo, int n,
                        double dl, double offset, int batch) {
        double scale = 1.0 / batch;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector d = DoubleVector.fromArray(S, y, yo + i).sub(DoubleVector.fromArray(S, t, to + i));
            DoubleVector a = d.abs();
            DoubleVector quadratic = d.mul(d).mul(HALF);
            DoubleVector linear = a.mul(dl).sub(offset);
            linear.blend(quadratic, a.compare(VectorOperators.LE, dl)).intoArray(e, eo + i);
            d.max(-dl).min(dl).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double d = y[yo + i] - t[to + i];
            double a = Math.abs(d);
            e[eo + i] = a <= dl ? d * d * HALF : a * dl - offset;
            g[go + i] = Math.min(Math.max(d, -dl), dl) * scale;
        }
        return DoubleSum.of(e, eo, n);
    }

    /**
     * Sigmoid then binary cross-entropy on scores {@code x = y}: {@code e = max(x, 0) − x·t + log(1 + e^−|x|)},
     * {@code g = (σ(x) − t) / batch}; both from one {@code z = e^−|x|}.
     */
    static double sigmoidCrossEntropy(double[] y, int yo, double[] t, int to, double[] g, int go, double[] e, int eo,
                                      int n, int batch) {
        double scale = 1.0 / batch;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, y, yo + i);
            DoubleVector tv = DoubleVector.fromArray(S, t, to + i);
            DoubleVector z = DoubleMath.exp(x.abs().neg());
            x.max(0.0).sub(x.mul(tv)).add(DoubleMath.log1p(z)).intoArray(e, eo + i);
            sigmoid(x, z).sub(tv).mul(scale).intoArray(g, go + i);
        }
        for (; i < n; i++) {
            double x = y[yo + i];
            double tv = t[to + i];
            double z = DoubleMath.exp(-Math.abs(x));
            e[eo + i] = Math.max(x, 0.0) - x * tv + DoubleMath.log1p(z);
            g[go + i] = (sigmoid(x, z) - tv) * scale;
        }
        return DoubleSum.of(e, eo, n);
    }

    /** σ(x) from z = e^−|x|, as {@link DoubleMath#sigmoid} computes it, reusing the z that the loss term needs. */
    private static DoubleVector sigmoid(DoubleVector x, DoubleVector z) {
        return z.blend(1.0, x.compare(VectorOperators.GE, 0.0)).div(z.add(1.0));
    }

    private static double sigmoid(double x, double z) {
        return (x >= 0 ? 1.0 : z) / (z + 1.0);
    }
}
