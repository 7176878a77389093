/**
 * The assembled system: a {@code Network} of layers and a loss, built from YAML or with a builder, trained by a
 * {@code Trainer}, saved and loaded as NumPy {@code .npz} checkpoints.
 */
module dev.dlfs.model {
    requires transitive dev.dlfs.tensor;
    requires transitive dev.dlfs.layers;
    requires transitive dev.dlfs.loss;
    requires transitive dev.dlfs.optim;
    requires transitive dev.dlfs.data;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    // Immutable, ordered maps at the API boundary (checkpoints, parameters, YAML mappings).
    requires com.google.common;

    exports dev.dlfs.model;
}
