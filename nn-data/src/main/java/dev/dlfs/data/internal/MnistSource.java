package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.data.Mnist;
import dev.dlfs.data.MnistKind;
import dev.dlfs.data.MnistOptions;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.net.URI;

/**
 * Sources {@code mnist} and {@code fashion-mnist}. Options: {@code normalize} (true), {@code flatten} (true),
 * {@code one-hot} (false), {@code dtype} (float32), {@code dir}, {@code download} (false), {@code mirrors} (list of
 * base URLs), {@code verify} (true).
 */
final class MnistSource implements Source {
    @Override
    public DataSplit load(String name, Options o) throws IOException {
        return Mnist.load(kind(name), SourceOptions.imageFormat(o), options(o));
    }

    @Override
    public Dataset loadTest(String name, Options o) throws IOException {
        return Mnist.loadTest(kind(name), SourceOptions.imageFormat(o), options(o));
    }

    private static MnistKind kind(String name) {
        return switch (name) {
            case "mnist" -> MnistKind.MNIST;
            case "fashion-mnist" -> MnistKind.FASHION_MNIST;
            default -> throw new IllegalArgumentException("MnistSource cannot load '" + name + "'; it loads mnist, fashion-mnist");
        };
    }

    private static MnistOptions options(Options o) {
        return new MnistOptions(o.has("dir") ? SourceOptions.path(o, "dir") : null,
                o.getBoolean("download", false),
                SourceOptions.strings(o, "mirrors").stream().map(URI::create).toList(),
                o.getBoolean("verify", true));
    }
}
