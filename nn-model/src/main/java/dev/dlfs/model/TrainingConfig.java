package dev.dlfs.model;

import java.util.OptionalDouble;

/**
 * How to train: for a number of iterations (the book: 10000 of batch 100) or of epochs, with mini-batches drawn by
 * {@code sampler}, evaluating on {@code eval}'s schedule and stopping early at {@code targetAccuracy}.
 *
 * <p>Build one by name with {@link #builder()} (or change one with {@link #toBuilder()} or a {@code with…} method):
 * <pre>{@code
 * TrainingConfig t = TrainingConfig.builder().epochs(20).seed(42).eval(EvalSchedule.every(500)).build();
 * }</pre>
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
 * @param shards         0 for the usual whole-batch gradient; otherwise every batch is drawn and differentiated as
 *                       this many {@link ShardPlan shards}, the decomposition distributed training reproduces
 * @param divergenceFactor the run stops as diverged once the mean loss of the last {@value #DIVERGENCE_WINDOW}
 *                       iterations exceeds this many times the loss of its first iteration; 0 turns the rule off
 *                       (a non-finite loss or parameter always stops it)
 */
public record TrainingConfig(int iterations, int epochs, int batchSize, long seed, EvalSchedule eval, int evalSample,
                             Sampling sampler, OptionalDouble targetAccuracy, int threads, int shards,
                             double divergenceFactor) {
    /** The default {@link #divergenceFactor()}: a loss held at 4x its start is never learning. */
    public static final double DEFAULT_DIVERGENCE_FACTOR = 4;
    /** Iterations whose mean loss the divergence rule compares with the first loss. */
    public static final int DIVERGENCE_WINDOW = 10;

    public TrainingConfig {
        if ((iterations > 0) == (epochs > 0) || iterations < 0 || epochs < 0) {
            throw new IllegalArgumentException("training needs exactly one of iterations or epochs (> 0), found "
                    + "iterations " + iterations + ", epochs " + epochs);
        }
        if (batchSize < 1 || evalSample < 0 || threads < 0 || shards < 0) {
            throw new IllegalArgumentException("training: batch size " + batchSize + ", eval sample " + evalSample
                    + ", threads " + threads + ", shards " + shards + " must not be negative (batch size at least 1)");
        }
        if (shards > batchSize) {
            throw new IllegalArgumentException("training: " + shards + " shards of a batch of " + batchSize
                    + " would leave shards empty; use at most " + batchSize);
        }
        if (!(divergenceFactor == 0 || divergenceFactor > 1) || Double.isInfinite(divergenceFactor)) {
            throw new IllegalArgumentException("training: divergence factor must be above 1 (or 0 for off), found "
                    + divergenceFactor);
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
        return builder().iterations(n).build();
    }

    /** {@code n} epochs of batch 100, seed 0, per-epoch evaluation, shuffled epochs. */
    public static TrainingConfig epochs(int n) {
        return builder().epochs(n).build();
    }

    /** A builder with the defaults of {@link #iterations(int)} and {@link #epochs(int)}; set one of the two. */
    public static TrainingConfigBuilder builder() {
        return new TrainingConfigBuilder();
    }

    /** A builder holding every field of this configuration, to change some of them. */
    public TrainingConfigBuilder toBuilder() {
        return new TrainingConfigBuilder(this);
    }

    /** Updates per epoch as the book counts them: {@code max(trainSize / batchSize, 1)}. */
    public int iterationsPerEpoch(int trainSize) {
        return Math.max(trainSize / batchSize, 1);
    }

    /** The number of updates of the whole run on a training set of {@code trainSize} samples. */
    public int totalIterations(int trainSize) {
        return iterations > 0 ? iterations : Math.multiplyExact(epochs, iterationsPerEpoch(trainSize));
    }

    /** The same run, {@code n} iterations long instead of its length now; the sampler stays as it is. */
    public TrainingConfig withIterations(int n) {
        return toBuilder().iterations(n).epochs(0).build();
    }

    /** The same run, {@code n} epochs long instead of its length now; the sampler stays as it is. */
    public TrainingConfig withEpochs(int n) {
        return toBuilder().epochs(n).iterations(0).build();
    }

    public TrainingConfig withBatchSize(int n) {
        return toBuilder().batchSize(n).build();
    }

    public TrainingConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    public TrainingConfig withEval(EvalSchedule e) {
        return toBuilder().eval(e).build();
    }

    public TrainingConfig withEvalSample(int n) {
        return toBuilder().evalSample(n).build();
    }

    public TrainingConfig withSampler(Sampling s) {
        return toBuilder().sampler(s).build();
    }

    public TrainingConfig withTargetAccuracy(double a) {
        return toBuilder().targetAccuracy(a).build();
    }

    public TrainingConfig withThreads(int n) {
        return toBuilder().threads(n).build();
    }

    public TrainingConfig withDivergenceFactor(double f) {
        return toBuilder().divergenceFactor(f).build();
    }

    public TrainingConfig withShards(int n) {
        return toBuilder().shards(n).build();
    }
}
