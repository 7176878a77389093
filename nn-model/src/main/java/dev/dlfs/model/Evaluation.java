package dev.dlfs.model;

/**
 * Accuracy measured during a training run, after the update of {@code iteration} (0-based; the final evaluation
 * after the last update has {@code iteration} equal to the number of updates).
 *
 * @param iteration     the update after which it was measured
 * @param epoch         {@code iteration / iterationsPerEpoch}
 * @param trainAccuracy on the training set (or its first {@code eval-sample} samples)
 * @param testAccuracy  on the test set (or its first {@code eval-sample} samples; the final one on the whole set)
 * @param loss          the mini-batch loss of that iteration
 */
public record Evaluation(int iteration, int epoch, double trainAccuracy, double testAccuracy, double loss) {
}
