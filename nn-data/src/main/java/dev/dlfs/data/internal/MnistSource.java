package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
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
        MnistKind kind = switch (name) {
            case "mnist" -> MnistKind.MNIST;
            case "fashion-mnist" -> MnistKind.FASHION_MNIST;
            default -> throw new IllegalArgumentException("MnistSource cannot load '" + name + "'; it loads mnist, fashion-mnist");
        };
        MnistOptions options = new MnistOptions(o.has("dir") ? SourceOptions.path(o, "dir") : null,
                o.getBoolean("download", false),
                SourceOptions.strings(o, "mirrors").stream().map(URI::create).toList(),
                o.getBoolean("verify", true));
        return Mnist.load(kind, SourceOptions.imageFormat(o), options);
    }
}
