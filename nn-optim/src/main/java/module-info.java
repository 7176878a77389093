/**
 * Optimizers (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam) with the book's weight decay. Optimizers are plugins:
 * implement {@link dev.dlfs.optim.OptimizerProvider} and declare it with {@code provides}.
 */
module dev.dlfs.optim {
    requires transitive dev.dlfs.tensor;

    exports dev.dlfs.optim;

    uses dev.dlfs.optim.OptimizerProvider;

    provides dev.dlfs.optim.OptimizerProvider with
            dev.dlfs.optim.internal.Sgd.Provider,
            dev.dlfs.optim.internal.Momentum.Provider,
            dev.dlfs.optim.internal.Nesterov.Provider,
            dev.dlfs.optim.internal.AdaGrad.Provider,
            dev.dlfs.optim.internal.RmsProp.Provider,
            dev.dlfs.optim.internal.Adam.Provider;
}
