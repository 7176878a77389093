/**
 * Loss functions with their gradients (softmax-with-loss, mean squared error, …), the book's loss functions as plain
 * functions, and a gradient checker for any loss. Losses are plugins: implement {@link dev.dlfs.loss.LossProvider}
 * and declare it with {@code provides}.
 */
module dev.dlfs.loss {
    requires transitive dev.dlfs.tensor;

    exports dev.dlfs.loss;

    uses dev.dlfs.loss.LossProvider;

    provides dev.dlfs.loss.LossProvider with dev.dlfs.loss.internal.BuiltinLosses;
}
