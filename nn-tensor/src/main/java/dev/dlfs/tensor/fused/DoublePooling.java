// Generated from FloatPooling.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.fused.PoolingKernels.Geometry;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 pooling of windows that lie inside the image (no padding), a vector of outputs at a time. {@code table}
 * holds, for the outputs of {@code chunk} consecutive planes, where each window starts (relative to the first of
 * those planes); window element (ky, kx) of a vector of outputs is then one gather at {@code ky·w + kx} past those
 * starts. The planes of a batch are walked chunk by chunk, so that short planes (3×3 outputs) still fill vectors.
 * A gather checks the index of every lane, masked or not, so the last vector of a chunk reads its starts from
 * {@code tail}: those of its outputs, then zeros. Each loop takes planes {@code [from, to)}; a lane's result does not
 * depend on where the range starts, so ranges may run on different threads.
 */
final class DoublePooling {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** One int lane per value lane: window offsets and starts. */
    private static final VectorSpecies<Integer> IS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(S.length() * Integer.SIZE));

    private DoublePooling() {
    }

    /**
     * Window maxima into {@code y}, and into {@code argmax} the flat index (from x's first element) of each winner:
     * the first NaN of the window if it has one, else the first of its largest values in row-major window order.
     */
    static void maxForward(double[] x, int xo, double[] y, int yo, int[] argmax, int from, int to, Geometry g,
                           int[] table, int chunk, int[] tail) {
        int in = g.h() * g.w();
        int out = g.oh() * g.ow();
        for (int p0 = from; p0 < to; p0 += chunk) {
            int count = Math.min(chunk, to - p0) * out;
            int xBase = xo + p0 * in;
            int oBase = p0 * out;
            for (int o = 0; o < count; o += S.length()) {
                VectorMask<Double> m = S.indexInRange(o, count);
                int[] map = starts(table, o, count, tail);
                int mo = map == table ? o : 0;
                DoubleVector best = DoubleVector.fromArray(S, x, xBase, map, mo, m);
                IntVector at = IntVector.zero(IS);
                for (int ky = 0; ky < g.ph(); ky++) {
                    for (int kx = ky == 0 ? 1 : 0; kx < g.pw(); kx++) {
                        int off = ky * g.w() + kx;
                        DoubleVector v = DoubleVector.fromArray(S, x, xBase + off, map, mo, m);
                        VectorMask<Double> win = v.compare(VectorOperators.GT, best)
                                .or(v.test(VectorOperators.IS_NAN).andNot(best.test(VectorOperators.IS_NAN)));
                        best = best.blend(v, win);
                        at = at.blend(off, win.cast(IS));
                    }
                }
                best.intoArray(y, yo + oBase + o, m);
                VectorMask<Integer> im = m.cast(IS);
                IntVector.fromArray(IS, map, mo, im).add(at).add(p0 * in).intoArray(argmax, oBase + o, im);
            }
        }
    }

    /**
     * {@code dx} of planes {@code [from, to)} = zeros, plus each of their {@code dy[o]} added at {@code argmax[o]}
     * (which lies in o's plane): a scatter, output by output, after a fill. (Gathering each pixel's window winner
     * instead needs an int gather of argmax, which C2 left boxed for float64 once float64 had run: 786 kB allocated
     * per step of a 16×4×32×32 layer, Zen 5.)
     */
    static void maxBackward(double[] dy, int dyo, double[] dx, int dxo, int[] argmax, int from, int to, Geometry g) {
        int in = g.h() * g.w();
        int out = g.oh() * g.ow();
        java.util.Arrays.fill(dx, dxo + from * in, dxo + to * in, 0.0);
        for (int o = from * out; o < to * out; o++) {
            if (argmax[o] >= 0) {
                dx[dxo + argmax[o]] += dy[dyo + o];
            }
        }
    }

    /** Window means into {@code y}: the window's values added in row-major order, divided by its size. */
    static void averageForward(double[] x, int xo, double[] y, int yo, int from, int to, Geometry g, int[] table,
                               int chunk, int[] tail) {
        int in = g.h() * g.w();
        int out = g.oh() * g.ow();
        double size = g.ph() * g.pw();
        for (int p0 = from; p0 < to; p0 += chunk) {
            int count = Math.min(chunk, to - p0) * out;
            int xBase = xo + p0 * in;
            for (int o = 0; o < count; o += S.length()) {
                VectorMask<Double> m = S.indexInRange(o, count);
                int[] map = starts(table, o, count, tail);
                int mo = map == table ? o : 0;
                DoubleVector sum = DoubleVector.zero(S);
                for (int ky = 0; ky < g.ph(); ky++) {
                    for (int kx = 0; kx < g.pw(); kx++) {
                        sum = sum.add(DoubleVector.fromArray(S, x, xBase + ky * g.w() + kx, map, mo, m));
                    }
                }
                sum.div(size).intoArray(y, yo + p0 * out + o, m);
            }
        }
    }

    /**
     * {@code dx} (overwritten) for windows that do not overlap: an element gets {@code 0 + dy[o] / size} for the
     * window o that holds it, else 0. A vector of dx at a time: the holders' gradients are gathered, so nothing is
     * scattered (no AVX2 instruction does). {@code owners} and {@code owned} hold, for the elements of
     * {@code chunk} planes, the holding window (relative to the first of those planes) and whether there is one.
     */
    static void averageBackward(double[] dy, int dyo, double[] dx, int dxo, int from, int to, Geometry g,
                                int[] owners, boolean[] owned, int chunk) {
        int in = g.h() * g.w();
        int out = g.oh() * g.ow();
        double size = g.ph() * g.pw();
        DoubleVector zero = DoubleVector.zero(S);
        for (int p0 = from; p0 < to; p0 += chunk) {
            int count = Math.min(chunk, to - p0) * in;
            int first = p0 * in;
            int oBase = dyo + p0 * out;
            int i = 0;
            for (; i <= count - S.length(); i += S.length()) {
                VectorMask<Double> holder = VectorMask.fromArray(S, owned, i);
                DoubleVector share = DoubleVector.fromArray(S, dy, oBase, owners, i).div(size);
                zero.blend(zero.add(share), holder).intoArray(dx, dxo + first + i);
            }
            for (; i < count; i++) {
                dx[dxo + first + i] = owned[i] ? 0.0 + dy[oBase + owners[i]] / size : 0.0;
            }
        }
    }

    /** {@code table} if a whole vector of outputs starts at o, else {@code tail} filled with the last ones' starts. */
    private static int[] starts(int[] table, int o, int count, int[] tail) {
        if (o + S.length() <= count) {
            return table;
        }
        for (int i = 0; i < S.length(); i++) {
            tail[i] = o + i < count ? table[o + i] : 0;
        }
        return tail;
    }
}
