package dev.dlfs.layers.internal;

import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerProvider;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The layers of the book, by type name: {@code affine} (alias {@code dense}), {@code relu}, {@code sigmoid},
 * {@code tanh}, {@code step}, {@code softplus}, {@code identity}, {@code softmax}, {@code dropout},
 * {@code batchnorm} ({@code batch-normalization}), {@code convolution} ({@code conv}), {@code pooling}
 * ({@code max-pool}, {@code avg-pool}) and {@code flatten}.
 */
public final class BuiltinLayers implements LayerProvider {
    private static final List<String> TYPES = List.of("affine", "dense", "relu", "sigmoid", "tanh", "step",
            "softplus", "identity", "softmax", "dropout", "batchnorm", "batch-normalization", "convolution", "conv",
            "pooling", "max-pool", "avg-pool", "flatten");

    @Override
    public Set<String> names() {
        return new LinkedHashSet<>(TYPES);
    }

    @Override
    public Layer create(String type, Options o, LayerContext context) {
        String owner = "layer '" + type + "'";
        Layer layer = switch (canonical(type)) {
            case "affine", "dense" -> affine(o, context, owner);
            case "relu" -> new Relu();
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "step" -> new Step();
            case "softplus" -> new Softplus();
            case "identity" -> new Identity();
            case "softmax" -> new Softmax();
            case "flatten" -> new Flatten();
            case "dropout" -> dropout(o, context, owner);
            case "batchnorm", "batchnormalization" -> new BatchNormalization(context.inputShape(), context.dtype(),
                    o.getDouble("momentum", 0.9), o.getDouble("epsilon", 1e-6), o.getBoolean("per-channel", true));
            case "convolution", "conv" -> convolution(o, context, owner);
            case "pooling" -> pooling(o, context, parseMode(o.getString("mode", "max"), o), owner);
            case "maxpool" -> pooling(o, context, Pooling.Mode.MAX, owner);
            case "avgpool" -> pooling(o, context, Pooling.Mode.AVERAGE, owner);
            default -> throw new OptionException("type", "BuiltinLayers does not make layer type '" + type
                    + "'; it makes " + String.join(", ", TYPES));
        };
        layer.outputShape(context.inputShape());    // fails now, naming the layer, if the input cannot fit
        return layer;
    }

    private static Layer affine(Options o, LayerContext context, String owner) {
        int units = positive("units", o.requireInt("units"));
        Initializer init = Initializer.from(o, owner);
        int in = Shapes.size(context.inputShape());
        Tensor w = Tensor.zeros(context.dtype(), in, units);
        init.fill(w, in, context.rng());
        return new Affine(w, Tensor.zeros(context.dtype(), units));
    }

    private static Layer convolution(Options o, LayerContext context, String owner) {
        int[] in = context.inputShape();
        if (in.length != 3) {
            throw new IllegalArgumentException(owner + ": needs (C, H, W) input per sample, got " + Shapes.format(in)
                    + " (add a reshape, or use affine for flat input)");
        }
        int filters = positive("filters", o.requireInt("filters"));
        int[] size = pair("size", o.getInts("size", null));
        int[] stride = pair("stride", o.getInts("stride", new int[] {1}));
        int[] pad = pads(o.getInts("pad", new int[] {0}), owner);
        Initializer init = Initializer.from(o, owner);
        int fanIn = in[0] * size[0] * size[1];
        Tensor w = Tensor.zeros(context.dtype(), filters, in[0], size[0], size[1]);
        init.fill(w, fanIn, context.rng());
        return new Convolution(w, Tensor.zeros(context.dtype(), filters), stride, pad);
    }

    private static Layer pooling(Options o, LayerContext context, Pooling.Mode mode, String owner) {
        int[] size = pair("size", o.getInts("size", null));
        int[] stride = pair("stride", o.getInts("stride", size));
        int[] pad = pads(o.getInts("pad", new int[] {0}), owner);
        return new Pooling(mode, size[0], size[1], stride[0], stride[1], pad[0], pad[1]);
    }

    private static Layer dropout(Options o, LayerContext context, String owner) {
        double ratio = o.getDouble("ratio", 0.5);
        if (!(ratio >= 0 && ratio < 1)) {
            throw new OptionException("ratio", owner + ": ratio must be in [0, 1), got " + ratio);
        }
        String scale = o.getString("scale", "inverted").toLowerCase(Locale.ROOT);
        Dropout.Scaling scaling = switch (scale) {
            case "inverted" -> Dropout.Scaling.INVERTED;
            case "book" -> Dropout.Scaling.BOOK;
            default -> throw new OptionException("scale", owner + ": scale must be 'inverted' (divide by 1 - ratio"
                    + " in training) or 'book' (multiply by 1 - ratio at inference), got '" + scale + "'");
        };
        // Its own generator, seeded once from the network's: masks depend only on the seed and the step.
        return new Dropout(ratio, scaling, new SplittableRandom(context.rng().nextLong()));
    }

    private static Pooling.Mode parseMode(String mode, Options o) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "max" -> Pooling.Mode.MAX;
            case "average", "avg", "mean" -> Pooling.Mode.AVERAGE;
            default -> throw new OptionException(o.path().isEmpty() ? "mode" : o.path() + ".mode",
                    "layer 'pooling': mode must be 'max' or 'average', got '" + mode + "'");
        };
    }

    /** {@code [h, w]} from an int or a list of one or two ints, all >= 1. */
    private static int[] pair(String key, int[] v) {
        if (v == null) {
            throw new OptionException(key, "missing required option '" + key + "'");
        }
        if (v.length != 1 && v.length != 2) {
            throw new OptionException(key, "option '" + key + "' must be a number or [height, width], got "
                    + v.length + " numbers");
        }
        int[] hw = v.length == 1 ? new int[] {v[0], v[0]} : v;
        positive(key, Math.min(hw[0], hw[1]));
        return hw;
    }

    /** {@code [rows, columns]} of zero padding from an int or a list of one or two ints, all >= 0. */
    private static int[] pads(int[] v, String owner) {
        if (v.length != 1 && v.length != 2) {
            throw new OptionException("pad", owner + ": pad must be a number or [height, width], got " + v.length
                    + " numbers");
        }
        int[] hw = v.length == 1 ? new int[] {v[0], v[0]} : v;
        if (hw[0] < 0 || hw[1] < 0) {
            throw new OptionException("pad", owner + ": pad must be >= 0, got " + Shapes.format(hw));
        }
        return hw;
    }

    private static int positive(String key, int v) {
        if (v < 1) {
            throw new OptionException(key, "option '" + key + "' must be >= 1, got " + v);
        }
        return v;
    }

    /** The registry's matching rule: case and {@code -}, {@code _}, spaces do not matter. */
    static String canonical(String type) {
        return type.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }
}
