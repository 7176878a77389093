package dev.dlfs.tensor.fused;

import dev.dlfs.tensor.fused.ConvolutionKernels.Geometry;
import dev.dlfs.tensor.internal.FloatGemm;

/**
 * Where the windows of a stride-1 convolution whose output rows are as wide as its input rows (a "same" 3×3 with pad
 * 1, five of DeepConvNet's six layers) read the image and where they read padding. In such a convolution row
 * {@code (c, ky, kx)} of the column matrix is channel c's plane shifted by {@code (ky − ph)·W + kx − pw}, with the
 * positions whose pixel lies outside the image set to 0: one vector copy through a mask, whatever the position.
 *
 * <p>A stride-1 convolution with odd filter sides padded more than "same" needs (DeepConvNet's 3×3 with pad 2) is
 * such a convolution on a canvas: the image placed inside a border of zeros ({@link #borderH} rows above and below,
 * {@link #borderW} columns left and right), then convolved with the "same" padding. The window values are the same,
 * so the column matrix, and every bit of the product, is too.
 */
final class WindowMask {
    /** The convolution as asked. */
    final Geometry conv;
    /** The "same" convolution the windows read: {@link #conv} itself, or the one on the canvas. */
    final Geometry g;
    /** Rows of zeros above and below the image on the canvas; 0 without a canvas. */
    final int borderH;
    /** Columns of zeros left and right of the image on the canvas; 0 without a canvas. */
    final int borderW;
    /** Values per filter tap in {@link #inside}: the plane, plus room for a whole last panel or vector. */
    final int stride;
    /** {@code inside[t·stride + j]}: whether filter tap t = ky·FW + kx reads inside the image at output j. */
    final boolean[] inside;
    /**
     * Per column matrix row r = (c, t), t = ky·FW + kx: where its values start in the image,
     * {@code c·H·W + (ky − ph)·W + kx − pw}.
     */
    final int[] rowSource;
    /** Per column matrix row r = (c, t): where its part of {@link #inside} starts, {@code t·stride}. */
    final int[] rowInside;
    /** The smallest and the largest of {@link #rowSource}: whether a pack may read before or past an image. */
    final int lowestSource;
    final int highestSource;

    private WindowMask(Geometry conv) {
        this.conv = conv;
        if (conv.ow() == conv.w()) {
            borderH = 0;
            borderW = 0;
            g = conv;
        } else {
            borderH = conv.ph() - conv.fh() / 2;
            borderW = conv.pw() - conv.fw() / 2;
            g = new Geometry(conv.channels(), conv.h() + 2 * borderH, conv.w() + 2 * borderW, conv.fh(), conv.fw(),
                    1, 1, conv.fh() / 2, conv.fw() / 2);
        }
        int plane = g.plane();
        int ow = g.ow();
        // float32 panels are the wider ones (twice the lanes of float64 at any vector size). DoubleGemm is not
        // touched here: its first use starts the float64 kernels' warm-up, which a float32 network does not need.
        stride = plane + FloatGemm.MAX_PANEL_WIDTH;
        inside = new boolean[g.fh() * g.fw() * stride];
        // shift[t]: input index minus output index within a plane, for filter tap t
        int[] shift = new int[g.fh() * g.fw()];
        rowSource = new int[g.k()];
        rowInside = new int[g.k()];
        for (int ky = 0, t = 0; ky < g.fh(); ky++) {
            for (int kx = 0; kx < g.fw(); kx++, t++) {
                shift[t] = (ky - g.ph()) * g.w() + kx - g.pw();
                for (int j = 0; j < plane; j++) {
                    int iy = j / ow - g.ph() + ky;
                    int ix = j % ow - g.pw() + kx;
                    inside[t * stride + j] = iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w();
                }
            }
        }
        for (int r = 0; r < g.k(); r++) {
            int taps = g.fh() * g.fw();
            rowSource[r] = r / taps * g.h() * g.w() + shift[r % taps];
            rowInside[r] = r % taps * stride;
        }
        lowestSource = java.util.Arrays.stream(rowSource).min().orElse(0);
        highestSource = java.util.Arrays.stream(rowSource).max().orElse(0);
    }

    /**
     * Whether {@code g}'s column matrix rows are shifted planes: stride 1, and output rows as wide as input rows, or
     * odd filter sides padded at least as much as "same" needs (then on a canvas).
     */
    static boolean fits(Geometry g) {
        return g.sh() == 1 && g.sw() == 1 && (g.ow() == g.w()
                || g.fh() % 2 == 1 && g.fw() % 2 == 1 && g.ph() >= g.fh() / 2 && g.pw() >= g.fw() / 2);
    }

    /** Whether the image must be placed on a canvas before the windows read it. */
    boolean canvas() {
        return borderH > 0 || borderW > 0;
    }

    /** The mask of {@code g}, reusing {@code last} when it is g's; null when g does not {@link #fits fit}. */
    static WindowMask of(Geometry g, WindowMask last) {
        if (!fits(g)) {
            return null;
        }
        return last != null && last.conv.equals(g) ? last : new WindowMask(g);
    }
}
