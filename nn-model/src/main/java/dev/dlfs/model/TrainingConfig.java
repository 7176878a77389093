package dev.dlfs.model;

import java.util.OptionalDouble;

/**
 * How to train: for a number of iterations (the book: 10000 of batch 100) or of epochs, with mini-batches drawn by
 * {@code sampler}, evaluating on {@code eval}'s schedule and stopping early at {@code targetAccuracy}.
 *
 * @param iterations     number of updates, or 0 when {@code epochs} is given
 * @param epochs         number of epochs, or 0 when {@code iterations} is given
 * @param batchSize      samples per update
 * @param seed           seeds the batch draws (and, unless the network has its own seed, the initial weights)
 * @param eval           when to measure train and test accuracy
 * @param evalSample     evaluate on the first {@code evalSample} samples of each set; 0 for the full sets (ch05);
 *                       the final evaluation uses the full test set, as the book's Trainer
 * @param sampler        random batches with replacement (the book) or shuffled epochs
 * @param targetAccuracy stop once an evaluation reaches this test accuracy
 * @param threads        threads for the tensor kernels; 0 for the default
 */
public record TrainingConfig(int iterations, int epochs, int batchSize, long seed, EvalSchedule eval, int evalSample,
                             Sampling sampler, OptionalDouble targetAccuracy, int threads) {
    public TrainingConfig {
        if ((iterations > 0) == (epochs > 0) || iterations < 0 || epochs < 0) {
            throw new IllegalArgumentException("training needs exactly one of iterations or epochs (> 0), found "
                    + "iterations " + iterations + ", epochs " + epochs);
        }
        if (batchSize < 1 || evalSample < 0 || threads < 0) {
            throw new IllegalArgumentException("training: batch size " + batchSize + ", eval sample " + evalSample
                    + ", threads " + threads + " must not be negative (batch size at least 1)");
        }
        if (eval == null || sampler == null || targetAccuracy == null) {
            throw new IllegalArgumentException("training: eval, sampler and targetAccuracy must be given");
        }
    }

    /** The book's ch05 run: 10000 iterations of 100 random samples, evaluated per epoch. */
    public static TrainingConfig book() {
        return iterations(10000);
    }

    /** {@code n} iterations of batch 100, seed 0, per-epoch evaluation, random batches. */
    public static TrainingConfig iterations(int n) {
        return new TrainingConfig(n, 0, 100, 0, EvalSchedule.perEpoch(), 0, Sampling.RANDOM, OptionalDouble.empty(),
                0);
    }

    /** {@code n} epochs of batch 100, seed 0, per-epoch evaluation, shuffled epochs. */
    public static TrainingConfig epochs(int n) {
        return new TrainingConfig(0, n, 100, 0, EvalSchedule.perEpoch(), 0, Sampling.SHUFFLE, OptionalDouble.empty(),
                0);
    }

    /** Updates per epoch as the book counts them: {@code max(trainSize / batchSize, 1)}. */
    public int iterationsPerEpoch(int trainSize) {
        return Math.max(trainSize / batchSize, 1);
    }

    /** The number of updates of the whole run on a training set of {@code trainSize} samples. */
    public int totalIterations(int trainSize) {
        return iterations > 0 ? iterations : Math.multiplyExact(epochs, iterationsPerEpoch(trainSize));
    }

    public TrainingConfig withBatchSize(int n) {
        return new TrainingConfig(iterations, epochs, n, seed, eval, evalSample, sampler, targetAccuracy, threads);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(iterations, epochs, batchSize, s, eval, evalSample, sampler, targetAccuracy, threads);
    }

    public TrainingConfig withEval(EvalSchedule e) {
        return new TrainingConfig(iterations, epochs, batchSize, seed, e, evalSample, sampler, targetAccuracy, threads);
    }

    public TrainingConfig withEvalSample(int n) {
        return new TrainingConfig(iterations, epochs, batchSize, seed, eval, n, sampler, targetAccuracy, threads);
    }

    public TrainingConfig withSampler(Sampling s) {
        return new TrainingConfig(iterations, epochs, batchSize, seed, eval, evalSample, s, targetAccuracy, threads);
    }

    public TrainingConfig withTargetAccuracy(double a) {
        return new TrainingConfig(iterations, epochs, batchSize, seed, eval, evalSample, sampler, OptionalDouble.of(a),
                threads);
    }

    public TrainingConfig withThreads(int n) {
        return new TrainingConfig(iterations, epochs, batchSize, seed, eval, evalSample, sampler, targetAccuracy, n);
    }
}
