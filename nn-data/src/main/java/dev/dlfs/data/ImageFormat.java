package dev.dlfs.data;

import dev.dlfs.tensor.DType;
import java.util.Objects;

/**
 * How image data sets are laid out in memory: the options of the book's {@code load_mnist}.
 *
 * @param normalize divide pixels by 255 into {@code [0, 1]} (only for unsigned-byte pixels)
 * @param flatten   one row per image, {@code (N, 784)}; otherwise {@code (N, 1, 28, 28)} (one channel)
 * @param oneHot    targets as one-hot rows {@code (N, 10)}; otherwise class indices {@code (N,)}
 * @param dtype     float32 or float64, for samples and targets alike
 */
public record ImageFormat(boolean normalize, boolean flatten, boolean oneHot, DType dtype) {
    /** The book's defaults: {@code load_mnist(normalize=True, flatten=True, one_hot_label=False)}, float32. */
    public static final ImageFormat BOOK = new ImageFormat(true, true, false, DType.FLOAT32);

    public ImageFormat {
        Objects.requireNonNull(dtype, "dtype");
    }

    public ImageFormat withNormalize(boolean v) {
        return new ImageFormat(v, flatten, oneHot, dtype);
    }

    public ImageFormat withFlatten(boolean v) {
        return new ImageFormat(normalize, v, oneHot, dtype);
    }

    public ImageFormat withOneHot(boolean v) {
        return new ImageFormat(normalize, flatten, v, dtype);
    }

    public ImageFormat withDtype(DType v) {
        return new ImageFormat(normalize, flatten, oneHot, v);
    }
}
