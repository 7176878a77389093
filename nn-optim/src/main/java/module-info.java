/**
 * Optimizers (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam) with the book's weight decay. Optimizers are plugins:
 * implement {@link dev.dlfs.optim.OptimizerProvider} and declare it with {@code provides}.
 */
module dev.dlfs.optim {
    requires transitive dev.dlfs.tensor;

    exports dev.dlfs.optim;

    uses dev.dlfs.optim.OptimizerProvider;

    provides dev.dlfs.optim.OptimizerProvider with dev.dlfs.optim.internal.BuiltinOptimizers;
}
