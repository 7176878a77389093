// Generated from FloatPanelSource.java by build-tools/TwinGenerator.java; do not edit.
package dev.dlfs.tensor.internal;

/**
 * The right operand B of a {@link DoubleGemm} product, written panel by panel straight from where its values live,
 * for a B that is never stored whole: a convolution's column matrix is read from the image as the product packs it,
 * so it is written once instead of twice (once unrolled, once packed).
 *
 * <p>Example: the identity of size {@code n}, as a source.
 * <pre>{@code
 * DoublePanelSource eye = (dst, at, panelWidth, j0, width, p0, kc) -> {
 *     for (int p = 0; p < kc; p++) {
 *         for (int v = 0; v < panelWidth; v++) {
 *             dst[at + p * panelWidth + v] = v < width && p0 + p == j0 + v ? 1 : 0;
 *         }
 *     }
 * };
 * }</pre>
 */
public interface DoublePanelSource {
    /**
     * Writes rows {@code [p0, p0+kc)} × columns {@code [j0, j0+width)} of B into {@code dst}: row {@code p0 + p} as
     * {@code panelWidth} values at {@code at + p·panelWidth}, zero past {@code width}.
     */
    void pack(double[] dst, int at, int panelWidth, int j0, int width, int p0, int kc);
}
