package dev.dlfs.model;

import java.util.OptionalDouble;

/**
 * Declares a {@link TrainingConfig} by name instead of by position:
 * <pre>{@code
 * TrainingConfig t = TrainingConfig.builder()
 *         .epochs(20).seed(42)
 *         .eval(EvalSchedule.every(500)).targetAccuracy(0.99)
 *         .build();                                  // batch 100, shuffled epochs
 * TrainingConfig longer = t.toBuilder().epochs(40).build();
 * }</pre>
 * The defaults are those of {@link TrainingConfig#iterations(int)} and {@link TrainingConfig#epochs(int)}: batch
 * 100, seed 0, per-epoch evaluation on the full sets, no target accuracy, the default thread count, and random
 * batches for an iteration run or shuffled epochs for an epoch run. Exactly one of {@link #iterations} and
 * {@link #epochs} must be set; {@link #build()} leaves every check to the record, so its errors are the record's.
 */
public final class TrainingConfigBuilder {
    private int iterations;
    private int epochs;
    private int batchSize = 100;
    private long seed;
    private EvalSchedule eval = EvalSchedule.perEpoch();
    private int evalSample;
    private Sampling sampler;
    private boolean samplerChosen;
    private OptionalDouble targetAccuracy = OptionalDouble.empty();
    private int threads;
    private int shards;
    private double divergenceFactor = TrainingConfig.DEFAULT_DIVERGENCE_FACTOR;

    TrainingConfigBuilder() {
    }

    /** Starts from every field of {@code c}, its sampler included. */
    TrainingConfigBuilder(TrainingConfig c) {
        iterations = c.iterations();
        epochs = c.epochs();
        batchSize = c.batchSize();
        seed = c.seed();
        eval = c.eval();
        evalSample = c.evalSample();
        sampler = c.sampler();
        samplerChosen = true;
        targetAccuracy = c.targetAccuracy();
        threads = c.threads();
        shards = c.shards();
        divergenceFactor = c.divergenceFactor();
    }

    /** Number of updates (the book: 10000); leave {@link #epochs} at 0. */
    public TrainingConfigBuilder iterations(int n) {
        this.iterations = n;
        return this;
    }

    /** Number of epochs; leave {@link #iterations} at 0. */
    public TrainingConfigBuilder epochs(int n) {
        this.epochs = n;
        return this;
    }

    public TrainingConfigBuilder batchSize(int n) {
        this.batchSize = n;
        return this;
    }

    public TrainingConfigBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    public TrainingConfigBuilder eval(EvalSchedule e) {
        this.eval = e;
        return this;
    }

    /** Evaluate on the first {@code n} samples of each set; 0 for the full sets. */
    public TrainingConfigBuilder evalSample(int n) {
        this.evalSample = n;
        return this;
    }

    /** How batches are drawn; unless set, random batches for an iteration run and shuffled epochs otherwise. */
    public TrainingConfigBuilder sampler(Sampling s) {
        this.sampler = s;
        this.samplerChosen = true;
        return this;
    }

    /** Stop once an evaluation reaches test accuracy {@code a}. */
    public TrainingConfigBuilder targetAccuracy(double a) {
        this.targetAccuracy = OptionalDouble.of(a);
        return this;
    }

    /** Stop at {@code a} if present; empty to train the whole length. */
    public TrainingConfigBuilder targetAccuracy(OptionalDouble a) {
        this.targetAccuracy = a;
        return this;
    }

    /** Threads for the tensor kernels; 0 for the default. */
    public TrainingConfigBuilder threads(int n) {
        this.threads = n;
        return this;
    }

    /**
     * Draw and differentiate every batch as {@code n} {@link ShardPlan shards} summed in shard order (what
     * distributed training reproduces bitwise); 0, the default, for the usual whole-batch gradient.
     */
    public TrainingConfigBuilder shards(int n) {
        this.shards = n;
        return this;
    }

    /**
     * Stops the run as diverged once the mean loss of the last {@value TrainingConfig#DIVERGENCE_WINDOW} iterations
     * exceeds {@code f} times the first iteration's loss (default {@value TrainingConfig#DEFAULT_DIVERGENCE_FACTOR});
     * 0 turns this rule off.
     */
    public TrainingConfigBuilder divergenceFactor(double f) {
        this.divergenceFactor = f;
        return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException as the record's constructor: not exactly one of iterations and epochs, a
     *                                  negative count, a batch size below 1, a {@code null} eval schedule, sampler or
     *                                  target accuracy
     */
    public TrainingConfig build() {
        Sampling s = samplerChosen ? sampler : epochs > 0 ? Sampling.SHUFFLE : Sampling.RANDOM;
        return new TrainingConfig(iterations, epochs, batchSize, seed, eval, evalSample, s, targetAccuracy, threads,
                shards, divergenceFactor);
    }
}
