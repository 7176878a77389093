package dev.dlfs.model;

import dev.dlfs.layers.Layer;

/**
 * One layer of a {@link Network} with its name ({@code affine1}, {@code relu1}, {@code conv2} …), its type name and
 * its per-sample input and output shapes.
 */
public record NamedLayer(String name, String type, Layer layer, int[] inputShape, int[] outputShape) {
    public NamedLayer {
        inputShape = inputShape.clone();
        outputShape = outputShape.clone();
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    /**
     * The type name a layer or loss given as an object is listed under in configurations, summaries and checkpoints:
     * its class's simple name in kebab case ({@code Scale} → {@code scale}, {@code SoftmaxWithLoss} →
     * {@code softmax-with-loss}); {@code layer} for a class without a simple name (anonymous, lambda).
     */
    static String typeOf(Object object) {
        String simple = object.getClass().getSimpleName();
        if (object.getClass().isAnonymousClass() || object.getClass().isHidden() || simple.isEmpty()) {
            return "layer";
        }
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The name a layer of {@code type} gets when it is the {@code k}-th (1-based) of its kind. */
    static String nameFor(String type, int k) {
        return baseName(type) + k;
    }

    /** {@code affine}, {@code conv}, {@code pool}, {@code batchnorm}: the type's name in lower case, shortened. */
    static String baseName(String type) {
        String base = type.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (base) {
            case "convolution" -> "conv";
            case "pooling", "maxpool", "avgpool" -> "pool";
            case "batchnormalization" -> "batchnorm";
            default -> base.isEmpty() ? "layer" : base;
        };
    }
}
