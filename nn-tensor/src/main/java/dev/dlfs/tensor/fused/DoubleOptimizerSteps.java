// Generated from FloatOptimizerSteps.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.fused;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 loops of {@link OptimizerSteps}: one pass over {@code n} elements from the given offsets, vector lanes
 * and then a scalar tail that rounds exactly like them (the same operations in the same order, nothing fused).
 * Every rule starts from the book's weight-decay gradient {@code g + wd·w}.
 */
@SuppressWarnings("cast")   // (double) Math.sqrt(x) becomes a redundant (double) cast in the float64 twin
final class DoubleOptimizerSteps {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private DoubleOptimizerSteps() {
    }

    /** {@code w −= lr·g}. */
    static void sgd(double[] w, int wo, double[] g, int go, int n, double lr, double wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector wv = DoubleVector.fromArray(S, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + i).add(wv.mul(wd));
            wv.sub(gv.mul(lr)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            w[wo + i] = w[wo + i] - lr * gi;
        }
    }

    /** {@code v = m·v − lr·g; w += v}. */
    static void momentum(double[] w, int wo, double[] g, int go, double[] v, int vo, int n,
                         double lr, double m, double wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector wv = DoubleVector.fromArray(S, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + i).add(wv.mul(wd));
            DoubleVector vv = DoubleVector.fromArray(S, v, vo + i).mul(m).sub(gv.mul(lr));
            vv.intoArray(v, vo + i);
            wv.add(vv).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double vi = v[vo + i] * m - gi * lr;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] + vi;
        }
    }

    /** {@code v = m·v − lr·g; w += mm·v − step·g}. */
    static void nesterov(double[] w, int wo, double[] g, int go, double[] v, int vo, int n,
                         double lr, double m, double mm, double step, double wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector wv = DoubleVector.fromArray(S, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + i).add(wv.mul(wd));
            DoubleVector vv = DoubleVector.fromArray(S, v, vo + i).mul(m).sub(gv.mul(lr));
            vv.intoArray(v, vo + i);
            wv.add(vv.mul(mm)).sub(gv.mul(step)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double vi = v[vo + i] * m - gi * lr;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] + vi * mm - gi * step;
        }
    }

    /** {@code h += g²; w −= lr·g / (√h + eps)}. */
    static void adaGrad(double[] w, int wo, double[] g, int go, double[] h, int ho, int n,
                        double lr, double eps, double wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector wv = DoubleVector.fromArray(S, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + i).add(wv.mul(wd));
            DoubleVector hv = DoubleVector.fromArray(S, h, ho + i).add(gv.mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double hi = h[ho + i] + gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / ((double) Math.sqrt(hi) + eps);
        }
    }

    /** {@code h = rho·h + keep·g²; w −= lr·g / (√h + eps)}, {@code keep} being 1 − rho. */
    static void rmsProp(double[] w, int wo, double[] g, int go, double[] h, int ho, int n,
                        double lr, double rho, double keep, double eps, double wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector wv = DoubleVector.fromArray(S, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + i).add(wv.mul(wd));
            DoubleVector hv = DoubleVector.fromArray(S, h, ho + i).mul(rho).add(gv.mul(keep).mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double hi = h[ho + i] * rho + keep * gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / ((double) Math.sqrt(hi) + eps);
        }
    }

    /** {@code m += keep1·(g − m); v += keep2·(g² − v); w −= lrT·m / (√v + eps)}. */
    static void adam(double[] w, int wo, double[] g, int go, double[] m, int mo, double[] v, int vo, int n,
                     double lrT, double keep1, double keep2, double eps, double wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector wv = DoubleVector.fromArray(S, w, wo + i);
            DoubleVector gv = DoubleVector.fromArray(S, g, go + i).add(wv.mul(wd));
            DoubleVector mv = DoubleVector.fromArray(S, m, mo + i);
            mv = mv.add(gv.sub(mv).mul(keep1));
            DoubleVector vv = DoubleVector.fromArray(S, v, vo + i);
            vv = vv.add(gv.mul(gv).sub(vv).mul(keep2));
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            wv.sub(mv.mul(lrT).div(vv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            double gi = g[go + i] + wd * w[wo + i];
            double mi = m[mo + i] + (gi - m[mo + i]) * keep1;
            double vi = v[vo + i] + (gi * gi - v[vo + i]) * keep2;
            m[mo + i] = mi;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] - lrT * mi / ((double) Math.sqrt(vi) + eps);
        }
    }
}
