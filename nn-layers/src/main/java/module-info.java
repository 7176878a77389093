/**
 * Layers with forward and backward passes (the book's chapters 3-7), activation functions and the public gradient
 * checker. Layers are plugins: implement {@link dev.dlfs.layers.LayerProvider} and declare it with {@code provides}.
 */
module dev.dlfs.layers {
    requires transitive dev.dlfs.tensor;

    exports dev.dlfs.layers;

    uses dev.dlfs.layers.LayerProvider;

    provides dev.dlfs.layers.LayerProvider with dev.dlfs.layers.internal.BuiltinLayers;
}
