package dev.dlfs.data;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Two interleaved spirals in the plane, one per class: a small set that no straight line separates, for examples
 * and tests of non-linear networks.
 *
 * <p>Point {@code i} of class {@code k} (of {@code n} per class) lies at radius {@code r = (i + 1) / n} and angle
 * {@code 2π·turns·r + π·k + noise·g} with {@code g ~ N(0, 1)}, i.e. at {@code (r·cos θ, r·sin θ)}: class 1 is class
 * 0 turned by half a circle. Samples are ordered class by class. Same seed, same points.
 */
public final class Spirals {
    private Spirals() {
    }

    /**
     * {@code 2·perClass} samples {@code x (2n, 2)}, targets as indices {@code (2n,)} or one-hot {@code (2n, 2)}.
     *
     * @param turns how many times each spiral winds round the centre (1.5 is a good default)
     * @param noise standard deviation of the angle noise, in radians
     */
    public static Dataset generate(int perClass, double turns, double noise, long seed, DType dtype, boolean oneHot) {
        if (perClass < 1 || !(turns > 0) || !(noise >= 0) || Double.isInfinite(turns) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("spirals: need perClass >= 1, turns > 0 and noise >= 0; found perClass "
                    + perClass + ", turns " + turns + ", noise " + noise);
        }
        RandomGenerator rng = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(dtype, 2 * perClass, 2);
        int[] labels = new int[2 * perClass];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < perClass; i++) {
                int row = k * perClass + i;
                double r = (i + 1.0) / perClass;
                double theta = 2 * Math.PI * turns * r + Math.PI * k + noise * rng.nextGaussian();
                x.set(r * StrictMath.cos(theta), row, 0);
                x.set(r * StrictMath.sin(theta), row, 1);
                labels[row] = k;
            }
        }
        return new Dataset("spirals", x, Labels.targets(labels, 2, oneHot, dtype), 2, List.of("0", "1"));
    }
}
