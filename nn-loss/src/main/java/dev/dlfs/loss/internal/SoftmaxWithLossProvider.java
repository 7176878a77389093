package dev.dlfs.loss.internal;

import dev.dlfs.loss.Loss;
import dev.dlfs.loss.LossProvider;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/** {@code softmax-with-loss}, also known as {@code softmax-cross-entropy} and {@code cross-entropy}; no options. */
public final class SoftmaxWithLossProvider implements LossProvider {
    @Override
    public Set<String> names() {
        return Set.of(SoftmaxWithLoss.NAME, "softmax-cross-entropy", "cross-entropy");
    }

    @Override
    public Loss create(Options options) {
        options.rejectUnknown("loss '" + SoftmaxWithLoss.NAME + "'");
        return new SoftmaxWithLoss();
    }
}
