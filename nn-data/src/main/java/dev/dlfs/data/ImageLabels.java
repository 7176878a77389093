package dev.dlfs.data;

import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** A pair of IDX files, images and labels, made into a {@link Dataset} laid out as an {@link ImageFormat} says. */
public final class ImageLabels {
    private ImageLabels() {
    }

    /**
     * Checks that the pair belongs together (same count, labels in {@code [0, classes)}) and converts it.
     * Images of rank 3 {@code (N, H, W)} become {@code (N, 1, H, W)} when not flattened.
     */
    public static Dataset dataset(String name, IdxArray images, IdxArray labels, ImageFormat format, int classes,
                                  List<String> classNames) throws MalformedDataException {
        int[] y = labels.toLabels(classes);
        if (images.count() != y.length) {
            throw new MalformedDataException(labels.source(), "images/labels count mismatch: " + images.source()
                    + " holds " + images.count() + " images, " + labels.source() + " holds " + y.length + " labels");
        }
        if (format.normalize() && images.type() != IdxType.UBYTE) {
            throw new MalformedDataException(images.source(), "normalize divides unsigned-byte pixels by 255, but "
                    + "this file holds " + images.type() + " values; turn normalize off");
        }
        Tensor x = images.toTensor(format.dtype(), format.normalize() ? 255.0 : 1.0);
        int[] shape = images.shape();
        int n = shape[0];
        if (format.flatten()) {
            x = x.reshape(n, sampleSize(images));
        } else if (shape.length == 3) {
            x = x.reshape(n, 1, shape[1], shape[2]);
        }
        return new Dataset(name, x, Labels.targets(y, classes, format.oneHot(), format.dtype()), classes, classNames);
    }

    /** Values per sample; checked, because a file of no samples may claim samples of any size. */
    private static int sampleSize(IdxArray images) throws MalformedDataException {
        int[] shape = images.shape();
        try {
            return Shapes.size(Arrays.copyOfRange(shape, 1, shape.length));
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException(images.source(), "cannot flatten " + images.describe() + ": one sample's "
                    + e.getMessage());
        }
    }
}
