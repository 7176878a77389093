// DoubleOptimizerSteps.java is generated from this file by build-tools/TwinGenerator.java.
package dev.dlfs.tensor.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 loops of {@link OptimizerSteps}: one pass over {@code n} elements from the given offsets, vector lanes
 * and then a scalar tail that rounds exactly like them (the same operations in the same order, nothing fused).
 * Every rule starts from the book's weight-decay gradient {@code g + wd·w}.
 */
@SuppressWarnings("cast")   // (float) Math.sqrt(x) becomes a redundant (double) cast in the float64 twin
final class FloatOptimizerSteps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private FloatOptimizerSteps() {
    }

    /** {@code w −= lr·g}. */
    static void sgd(float[] w, int wo, float[] g, int go, int n, float lr, float wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector wv = FloatVector.fromArray(S, w, wo + i);
            FloatVector gv = FloatVector.fromArray(S, g, go + i).add(wv.mul(wd));
            wv.sub(gv.mul(lr)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            w[wo + i] = w[wo + i] - lr * gi;
        }
    }

    /** {@code v = m·v − lr·g; w += v}. */
    static void momentum(float[] w, int wo, float[] g, int go, float[] v, int vo, int n,
                         float lr, float m, float wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector wv = FloatVector.fromArray(S, w, wo + i);
            FloatVector gv = FloatVector.fromArray(S, g, go + i).add(wv.mul(wd));
            FloatVector vv = FloatVector.fromArray(S, v, vo + i).mul(m).sub(gv.mul(lr));
            vv.intoArray(v, vo + i);
            wv.add(vv).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float vi = v[vo + i] * m - gi * lr;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] + vi;
        }
    }

    /** {@code v = m·v − lr·g; w += mm·v − step·g}. */
    static void nesterov(float[] w, int wo, float[] g, int go, float[] v, int vo, int n,
                         float lr, float m, float mm, float step, float wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector wv = FloatVector.fromArray(S, w, wo + i);
            FloatVector gv = FloatVector.fromArray(S, g, go + i).add(wv.mul(wd));
            FloatVector vv = FloatVector.fromArray(S, v, vo + i).mul(m).sub(gv.mul(lr));
            vv.intoArray(v, vo + i);
            wv.add(vv.mul(mm)).sub(gv.mul(step)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float vi = v[vo + i] * m - gi * lr;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] + vi * mm - gi * step;
        }
    }

    /** {@code h += g²; w −= lr·g / (√h + eps)}. */
    static void adaGrad(float[] w, int wo, float[] g, int go, float[] h, int ho, int n,
                        float lr, float eps, float wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector wv = FloatVector.fromArray(S, w, wo + i);
            FloatVector gv = FloatVector.fromArray(S, g, go + i).add(wv.mul(wd));
            FloatVector hv = FloatVector.fromArray(S, h, ho + i).add(gv.mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float hi = h[ho + i] + gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / ((float) Math.sqrt(hi) + eps);
        }
    }

    /** {@code h = rho·h + keep·g²; w −= lr·g / (√h + eps)}, {@code keep} being 1 − rho. */
    static void rmsProp(float[] w, int wo, float[] g, int go, float[] h, int ho, int n,
                        float lr, float rho, float keep, float eps, float wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector wv = FloatVector.fromArray(S, w, wo + i);
            FloatVector gv = FloatVector.fromArray(S, g, go + i).add(wv.mul(wd));
            FloatVector hv = FloatVector.fromArray(S, h, ho + i).mul(rho).add(gv.mul(keep).mul(gv));
            hv.intoArray(h, ho + i);
            wv.sub(gv.mul(lr).div(hv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float hi = h[ho + i] * rho + keep * gi * gi;
            h[ho + i] = hi;
            w[wo + i] = w[wo + i] - lr * gi / ((float) Math.sqrt(hi) + eps);
        }
    }

    /** {@code m += keep1·(g − m); v += keep2·(g² − v); w −= lrT·m / (√v + eps)}. */
    static void adam(float[] w, int wo, float[] g, int go, float[] m, int mo, float[] v, int vo, int n,
                     float lrT, float keep1, float keep2, float eps, float wd) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector wv = FloatVector.fromArray(S, w, wo + i);
            FloatVector gv = FloatVector.fromArray(S, g, go + i).add(wv.mul(wd));
            FloatVector mv = FloatVector.fromArray(S, m, mo + i);
            mv = mv.add(gv.sub(mv).mul(keep1));
            FloatVector vv = FloatVector.fromArray(S, v, vo + i);
            vv = vv.add(gv.mul(gv).sub(vv).mul(keep2));
            mv.intoArray(m, mo + i);
            vv.intoArray(v, vo + i);
            wv.sub(mv.mul(lrT).div(vv.sqrt().add(eps))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i] + wd * w[wo + i];
            float mi = m[mo + i] + (gi - m[mo + i]) * keep1;
            float vi = v[vo + i] + (gi * gi - v[vo + i]) * keep2;
            m[mo + i] = mi;
            v[vo + i] = vi;
            w[wo + i] = w[wo + i] - lrT * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
