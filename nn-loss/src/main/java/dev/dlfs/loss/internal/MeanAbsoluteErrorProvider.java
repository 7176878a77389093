package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.kernels.MeanAbsoluteError;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/** {@code mean-absolute-error}, also {@code mae} and {@code l1}; no options. */
public final class MeanAbsoluteErrorProvider implements LossProvider {
    @Override
    public Set<String> names() {
        return Set.of(MeanAbsoluteError.NAME, "mae", "l1");
    }

    @Override
    public Loss create(Options options) {
        options.rejectUnknown("loss '" + MeanAbsoluteError.NAME + "'");
        return new ElementwiseLossAdapter(new MeanAbsoluteError());
    }
}
