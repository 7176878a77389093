package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.data.IdxArray;
import dev.dlfs.data.IdxReader;
import dev.dlfs.data.IdxType;
import dev.dlfs.data.ImageFormat;
import dev.dlfs.data.ImageLabels;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Source {@code idx}: any pair of IDX files, samples and labels. Options: {@code train-images}, {@code train-labels}
 * (required); {@code test-images} and {@code test-labels}, or else {@code test-fraction} (0.2) and {@code seed} (0)
 * to hold out a test set; {@code classes} (default: largest label + 1); {@code normalize} (default: true for
 * unsigned-byte samples), {@code flatten} (true), {@code one-hot} (false), {@code dtype} (float32).
 */
final class IdxSource implements Source {
    @Override
    public DataSplit load(String name, Options o) throws IOException {
        IdxArray trainImages = IdxReader.read(SourceOptions.path(o, "train-images"));
        IdxArray trainLabels = IdxReader.read(SourceOptions.path(o, "train-labels"));
        boolean test = o.has("test-images");
        if (test != o.has("test-labels")) {
            throw new OptionException(SourceOptions.optionPath(o, test ? "test-labels" : "test-images"),
                    "idx: give both test-images and test-labels, or neither");
        }
        IdxArray testImages = test ? IdxReader.read(SourceOptions.path(o, "test-images")) : null;
        IdxArray testLabels = test ? IdxReader.read(SourceOptions.path(o, "test-labels")) : null;
        int classes = o.getInt("classes", 0);
        if (classes <= 0) {
            classes = Math.max(maxLabel(trainLabels), test ? maxLabel(testLabels) : -1) + 1;
        }
        boolean normalize = o.getBoolean("normalize", trainImages.type() == IdxType.UBYTE);
        ImageFormat format = SourceOptions.imageFormat(o).withNormalize(normalize);
        Dataset train = ImageLabels.dataset("idx/train", trainImages, trainLabels, format, classes, List.of());
        Dataset testSet = test
                ? ImageLabels.dataset("idx/test", testImages, testLabels, format, classes, List.of()) : null;
        return SourceOptions.withTest(o, "idx", train, testSet);
    }

    private static int maxLabel(IdxArray labels) throws IOException {
        return Arrays.stream(labels.toLabels(0)).max().orElse(-1);
    }
}
