/**
 * The {@code dlfs} command-line app and the runnable examples, one per module of the framework. Plugin jars given
 * with {@code --plugins} are loaded as a module layer above this one, so the registries find their providers.
 */
module dev.dlfs.examples {
    requires transitive dev.dlfs.model;
    requires info.picocli;
    requires transitive java.desktop;
    requires java.management;

    // picocli fills the commands' annotated fields by reflection.
    opens dev.dlfs.examples.cli to info.picocli;

    exports dev.dlfs.examples;
    exports dev.dlfs.examples.plot;

    uses dev.dlfs.layers.LayerProvider;
    uses dev.dlfs.loss.LossProvider;
    uses dev.dlfs.optim.OptimizerProvider;
    uses dev.dlfs.data.DataSourceProvider;
}
