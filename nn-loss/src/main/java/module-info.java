/**
 * Loss functions with their gradients (softmax-with-loss, mean squared error, …). Losses are plugins: implement
 * {@link dev.dlfs.loss.LossProvider} and declare it with {@code provides}.
 */
module dev.dlfs.loss {
    requires transitive dev.dlfs.tensor;
    requires jdk.incubator.vector;

    exports dev.dlfs.loss;

    uses dev.dlfs.loss.LossProvider;
}
