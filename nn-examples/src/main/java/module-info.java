/** The dlfs command-line app and the runnable examples, one per module of the framework. */
module dev.dlfs.examples {
    requires dev.dlfs.model;

    exports dev.dlfs.examples;
}
