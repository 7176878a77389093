package dev.dlfs.tensor;

import java.util.Arrays;

/**
 * NumPy broadcasting: shapes are aligned at their last axis, and an axis of length 1 (or a missing leading axis)
 * stretches to match the other operand.
 */
final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast shape of {@code a} and {@code b}, or an error naming {@code op} and both shapes. */
    static int[] shape(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int x = i <= a.length ? a[a.length - i] : 1;
            int y = i <= b.length ? b[b.length - i] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Shapes.format(a) + " and " + Shapes.format(b)
                        + " cannot be broadcast");
            }
            out[rank - i] = x == 1 ? y : x;
        }
        return out;
    }

    /** True if {@code a} and {@code b} broadcast to exactly {@code out}; allocates nothing (hot paths call it). */
    static boolean yields(int[] a, int[] b, int[] out) {
        if (a.length > out.length || b.length > out.length) {
            return false;
        }
        for (int i = 1; i <= out.length; i++) {
            int x = i <= a.length ? a[a.length - i] : 1;
            int y = i <= b.length ? b[b.length - i] : 1;
            int o = out[out.length - i];
            if (!(x == o && (y == o || y == 1) || x == 1 && y == o)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code small}, without its leading 1s, is a trailing part of {@code big}: e.g. a bias row. */
    static boolean isSuffix(int[] small, int[] big) {
        int lead = 0;
        while (lead < small.length && small[lead] == 1) {
            lead++;
        }
        int n = small.length - lead;
        return n <= big.length
                && Arrays.equals(small, lead, small.length, big, big.length - n, big.length);
    }

    /** True if {@code col} equals {@code full} except for a last axis of length 1: e.g. a per-row statistic. */
    static boolean isColumn(int[] col, int[] full) {
        int r = full.length;
        return r > 0 && col.length == r && col[r - 1] == 1
                && Arrays.equals(col, 0, r - 1, full, 0, r - 1);
    }

    /** Length of the result's last axis (1 for a rank-0 result): the unit that kernels process in one call. */
    static int rowLength(int[] out) {
        return out.length == 0 ? 1 : out[out.length - 1];
    }

    /** 1 if an operand of shape {@code s} runs along the result's last axis, 0 if it is broadcast along it. */
    static int rowStep(int[] s) {
        return s.length == 0 || s[s.length - 1] == 1 ? 0 : 1;
    }

    /**
     * For each row of the result (its last axis), the flat index where the operand's matching row starts; axes
     * along which the operand is broadcast repeat its rows.
     */
    static int[] rowStarts(int[] s, int[] out) {
        int rank = out.length;
        int rows = rank == 0 ? 1 : Shapes.size(out) / Math.max(1, out[rank - 1]);
        int[] starts = new int[rows];
        int[] stride = new int[rank];
        for (int ax = rank - 1, st = 1; ax >= 0; ax--) {
            int k = ax - (rank - s.length);
            int len = k >= 0 ? s[k] : 1;
            stride[ax] = len == 1 ? 0 : st;
            st *= len;
        }
        int[] idx = new int[rank];
        int pos = 0;
        for (int r = 0; r < rows; r++) {
            starts[r] = pos;
            for (int ax = rank - 2; ax >= 0; ax--) {
                idx[ax]++;
                pos += stride[ax];
                if (idx[ax] < out[ax]) {
                    break;
                }
                pos -= stride[ax] * out[ax];
                idx[ax] = 0;
            }
        }
        return starts;
    }
}
