package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.kernels.MeanSquaredError;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/** {@code mean-squared-error}, also {@code mse}; no options. */
public final class MeanSquaredErrorProvider implements LossProvider {
    @Override
    public Set<String> names() {
        return Set.of(MeanSquaredError.NAME, "mse");
    }

    @Override
    public Loss create(Options options) {
        options.rejectUnknown("loss '" + MeanSquaredError.NAME + "'");
        return new ElementwiseLossAdapter(new MeanSquaredError());
    }
}
