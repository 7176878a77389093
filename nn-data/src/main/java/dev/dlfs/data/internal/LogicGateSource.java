package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.LogicGate;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.Options;
import java.util.Locale;

/**
 * Sources {@code and}, {@code or}, {@code nand}, {@code xor}: the four input pairs with the gate's output; the test
 * set is the same four samples. Options: {@code one-hot} (false), {@code dtype} (float32).
 */
final class LogicGateSource implements Source {
    @Override
    public DataSplit load(String name, Options o) {
        LogicGate gate = LogicGate.valueOf(name.toUpperCase(Locale.ROOT));
        DType dtype = SourceOptions.dtype(o);
        boolean oneHot = o.getBoolean("one-hot", false);
        return new DataSplit(gate.dataset(dtype, oneHot), gate.dataset(dtype, oneHot));
    }
}
