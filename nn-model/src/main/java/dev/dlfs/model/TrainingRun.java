package dev.dlfs.model;

/**
 * What a starting training run will do, given to {@link TrainingListener#onStart}.
 *
 * @param network            the network being trained
 * @param config             the training settings
 * @param totalIterations    updates the run will make (fewer if it stops early)
 * @param iterationsPerEpoch the book's {@code max(trainSize / batchSize, 1)}
 * @param trainSize          samples in the training set
 * @param testSize           samples in the test set
 */
public record TrainingRun(Network network, TrainingConfig config, int totalIterations, int iterationsPerEpoch,
                          int trainSize, int testSize) {
}
