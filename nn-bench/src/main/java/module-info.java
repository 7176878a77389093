/** JMH benchmarks of the tensor kernels and layers. Run from the shaded {@code benchmarks.jar} on the class path. */
module dev.dlfs.bench {
    requires dev.dlfs.tensor;
    requires dev.dlfs.layers;
    requires dev.dlfs.loss;
    requires dev.dlfs.model;
    requires jmh.core;
    requires java.management;
    requires jdk.incubator.vector;
}
