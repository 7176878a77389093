package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.loss.kernels.SigmoidWithLoss;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/** {@code sigmoid-with-loss}, also {@code binary-cross-entropy} and {@code bce}; no options. */
public final class SigmoidWithLossProvider implements LossProvider {
    @Override
    public Set<String> names() {
        return Set.of(SigmoidWithLoss.NAME, "binary-cross-entropy", "bce");
    }

    @Override
    public Loss create(Options options) {
        options.rejectUnknown("loss '" + SigmoidWithLoss.NAME + "'");
        return new ElementwiseLossAdapter(new SigmoidWithLoss());
    }
}
