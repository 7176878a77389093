package dev.dlfs.data.internal;

import dev.dlfs.data.DataSourceProvider;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.LogicGate;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.Options;
import java.util.Locale;
import java.util.Set;

/**
 * Sources {@code and}, {@code or}, {@code nand}, {@code xor}: the four input pairs with the gate's output; the test
 * set is the same four samples. Options: {@code one-hot} (false), {@code dtype} (float32).
 */
public final class LogicGateSource implements DataSourceProvider {
    @Override
    public Set<String> names() {
        return Set.of("and", "or", "nand", "xor");
    }

    @Override
    public DataSplit load(String name, Options o) {
        LogicGate gate = LogicGate.valueOf(name.toUpperCase(Locale.ROOT));
        DType dtype = SourceOptions.dtype(o);
        boolean oneHot = o.getBoolean("one-hot", false);
        return new DataSplit(gate.dataset(dtype, oneHot), gate.dataset(dtype, oneHot));
    }
}
