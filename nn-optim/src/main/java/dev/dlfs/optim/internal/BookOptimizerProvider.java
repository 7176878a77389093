package dev.dlfs.optim.internal;

import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.OptimizerProvider;
import dev.dlfs.tensor.spi.Options;
import java.util.Set;

/** A provider of one built-in optimizer: reads its options, then refuses any option it did not read. */
abstract class BookOptimizerProvider implements OptimizerProvider {
    private final String name;

    BookOptimizerProvider(String name) {
        this.name = name;
    }

    /** The optimizer configured by {@code o}, read with {@link Hyperparameters}. */
    abstract Optimizer make(Options o);

    @Override
    public final Set<String> names() {
        return Set.of(name);
    }

    @Override
    public final Optimizer create(Options o) {
        Optimizer optimizer = make(o);
        o.rejectUnknown("optimizer '" + name + "'");
        return optimizer;
    }
}
