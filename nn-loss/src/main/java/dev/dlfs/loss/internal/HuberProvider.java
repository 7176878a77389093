package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.kernels.Huber;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/** {@code huber}, with option {@code delta} (where quadratic turns linear; positive, default 1.0). */
public final class HuberProvider implements LossProvider {
    @Override
    public Set<String> names() {
        return Set.of(Huber.NAME);
    }

    @Override
    public Loss create(Options options) {
        double delta = options.getDouble("delta", 1.0);
        options.rejectUnknown("loss '" + Huber.NAME + "'");
        try {
            return new ElementwiseLossAdapter(new Huber(delta));
        } catch (IllegalArgumentException e) {
            String path = options.path().isEmpty() ? "delta" : options.path() + ".delta";
            throw new OptionException(path, "loss '" + Huber.NAME + "': option 'delta' must be a positive number,"
                    + " found " + delta);
        }
    }
}
