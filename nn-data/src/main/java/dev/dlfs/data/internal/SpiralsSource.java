package dev.dlfs.data.internal;

import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Spirals;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.Options;

/**
 * Source {@code spirals}: two interleaved spirals. Options: {@code n} (samples per class, 100), {@code turns} (1.5),
 * {@code noise} (0.2), {@code seed} (0), {@code one-hot} (false), {@code dtype} (float32). The test set is drawn the
 * same way with {@code seed + 1}.
 */
final class SpiralsSource implements Source {
    @Override
    public DataSplit load(String name, Options o) {
        int n = o.getInt("n", 100);
        double turns = o.getDouble("turns", 1.5);
        double noise = o.getDouble("noise", 0.2);
        long seed = o.getLong("seed", 0);
        boolean oneHot = o.getBoolean("one-hot", false);
        DType dtype = SourceOptions.dtype(o);
        return new DataSplit(Spirals.generate(n, turns, noise, seed, dtype, oneHot),
                Spirals.generate(n, turns, noise, seed + 1, dtype, oneHot));
    }
}
