package dev.dlfs.layers.internal;

import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How initial weights are drawn: Gaussian with a fixed standard deviation (the book's 0.01), or scaled to the
 * fan-in as in the book's chapter 6: Xavier {@code sqrt(1/fanIn)}, He {@code sqrt(2/fanIn)}.
 *
 * <p>Spec forms: {@code init: he}, {@code init: {type: xavier}}, {@code init: {type: normal, std: 0.01}},
 * {@code init: {std: 0.05}}; without {@code init}, normal with std 0.01.
 */
record Initializer(String type, double std) {
    static final double BOOK_STD = 0.01;
    private static final List<String> TYPES = List.of("normal", "xavier", "he");

    /** Reads the {@code init} option of a layer spec; its unread keys are refused with the layer's other options. */
    static Initializer from(Options layerOptions, String owner) {
        if (!layerOptions.has("init")) {
            return new Initializer("normal", BOOK_STD);
        }
        Options init = layerOptions.options("init");
        String type = init.getString("type", "normal").toLowerCase(Locale.ROOT);
        Initializer result = switch (type) {
            case "normal" -> {
                double std = init.getDouble("std", BOOK_STD);
                if (!(std >= 0) || Double.isInfinite(std)) {
                    throw new OptionException(init.path() + ".std", owner + ": init std must be a finite number"
                            + " >= 0, got " + std);
                }
                yield new Initializer("normal", std);
            }
            case "xavier", "he" -> new Initializer(type, Double.NaN);
            default -> throw new OptionException(init.path() + ".type", owner + ": unknown init '" + type
                    + "'; known inits: " + String.join(", ", TYPES) + Suggestions.didYouMean(type, TYPES));
        };
        return result;
    }

    /** The standard deviation for weights with {@code fanIn} inputs per output. */
    double stdFor(int fanIn) {
        return switch (type) {
            case "xavier" -> Math.sqrt(1.0 / fanIn);
            case "he" -> Math.sqrt(2.0 / fanIn);
            default -> std;
        };
    }

    /** Fills {@code w} in row-major order with {@code std·N(0, 1)} drawn from {@code rng}. */
    void fill(Tensor w, int fanIn, RandomGenerator rng) {
        double s = stdFor(fanIn);
        for (int i = 0; i < w.size(); i++) {
            w.setFlat(i, s * rng.nextGaussian());
        }
    }
}
