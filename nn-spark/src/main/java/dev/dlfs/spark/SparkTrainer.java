package dev.dlfs.spark;

import dev.dlfs.model.Evaluation;
import dev.dlfs.model.History;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.model.ShardGradient;
import dev.dlfs.model.ShardPlan;
import dev.dlfs.model.TrainingConfig;
import dev.dlfs.model.TrainingListener;
import dev.dlfs.model.TrainingResult;
import dev.dlfs.model.TrainingRun;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains a network on DataFrames with Spark, in one of two modes.
 *
 * <p><b>Exact</b> (the default): synchronous data-parallel SGD. Every batch is the {@link ShardPlan} of the training
 * configuration's {@code shards}: each task computes the gradient sums of the shards whose rows it holds, the driver
 * adds them in shard order, applies the optimizer and broadcasts the new weights. The run is bitwise equal to
 * {@link dev.dlfs.model.Trainer} with the same configuration (same {@code shards}) on the same rows in the same
 * order, for any number of executors, cores or partitions; a failed task is recomputed from the same broadcast.
 * Each step is one Spark job, or {@link #stepsPerJob(int) several steps} are one job in barrier mode.
 *
 * <p><b>Local SGD</b> ({@link #localSgd(int)}): every shard trains a replica of its own for {@code k} steps on the
 * same shard batches the exact mode would use, and the driver averages the replicas (weights and optimizer state);
 * one Spark job per {@code k} steps instead of per step. Not equal to anything single-JVM; deterministic still.
 *
 * <pre>{@code
 * NetworkConfig c = NetworkConfig.load(Path.of("examples/two-layer-net.yaml"));
 * Network net = Network.of(c.withTraining(c.training().withShards(4)));
 * TrainingResult r = SparkTrainer.of(net).listener(TrainingListener.progress()).run(train, test);
 * }</pre>
 */
public final class SparkTrainer {
    private final Network network;
    private final Optimizer optimizer;
    private final TrainingConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Columns columns = Columns.DEFAULT;
    private int partitions;
    private int syncEvery;
    private int stepsPerJob = 1;
    private boolean oneHot;

    private SparkTrainer(Network network) {
        NetworkConfig c = network.config();
        if (c.optimizer() == null || c.training() == null) {
            throw c.origin().error("", "training needs an 'optimizer' and a 'training' section; this configuration"
                    + " lacks " + (c.optimizer() == null ? "'optimizer'" : "'training'"));
        }
        if (c.training().shards() < 1) {
            throw c.origin().error("training", "training on Spark needs training.shards, the fixed number of parts"
                    + " every batch is split into (e.g. 4); the result is that of the single-JVM run with the same"
                    + " shards, whatever the cluster");
        }
        ShardGradient.requireSplittable(network);
        this.network = network;
        this.optimizer = c.createOptimizer();
        this.config = c.training();
        this.oneHot = c.data() != null && c.data().options().getBoolean("one-hot", false);
    }

    /** Exact training of {@code network} with the optimizer and training run of its configuration. */
    public static SparkTrainer of(Network network) {
        return new SparkTrainer(network);
    }

    /** Local SGD: replicas train {@code k} steps on their shards between averagings (1 = average every step). */
    public SparkTrainer localSgd(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("local SGD averages every k >= 1 steps, got " + k);
        }
        this.syncEvery = k;
        return this;
    }

    /**
     * Exact mode with up to {@code k} steps per Spark job (cut short where an evaluation is due): the tasks exchange
     * their shards' gradient sums among themselves in barrier mode, so every partition's task must run at the same
     * time (partitions at most the cluster's task slots). Still bitwise equal to the single-JVM run.
     */
    public SparkTrainer stepsPerJob(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("steps per job must be at least 1, got " + k);
        }
        this.stepsPerJob = k;
        return this;
    }

    public SparkTrainer columns(Columns c) {
        this.columns = c;
        return this;
    }

    /** Partitions the shards are spread over (default: the shard count); any number gives the same result. */
    public SparkTrainer partitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + n);
        }
        this.partitions = n;
        return this;
    }

    /** Targets as one-hot rows (default: as the configuration's {@code data} section says, else class indices). */
    public SparkTrainer oneHot(boolean b) {
        this.oneHot = b;
        return this;
    }

    public SparkTrainer listener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains on {@code train}, evaluating on both DataFrames as {@link dev.dlfs.model.Trainer} does. The result's
     * elapsed time includes cutting the DataFrames into shards and caching them on the executors.
     */
    public TrainingResult run(Dataset<Row> train, Dataset<Row> test) {
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(train.sparkSession().sparkContext());
        int trainSize = Math.toIntExact(train.count());
        int testSize = Math.toIntExact(test.count());
        ShardPlan plan = ShardPlan.of(config, trainSize);
        // Spark's own count of task slots is not public; this is it unless spark.default.parallelism is set.
        int slots = Math.max(1, jsc.defaultParallelism() / Math.max(1, jsc.getConf().getInt("spark.task.cpus", 1)));
        boolean barrier = stepsPerJob > 1;
        if (barrier && syncEvery > 0) {
            throw new IllegalArgumentException("steps per job are for the exact mode; local SGD already runs "
                    + syncEvery + " steps per job");
        }
        int parts = partitions > 0 ? partitions : barrier ? Math.min(plan.shards(), slots) : plan.shards();
        if (barrier && parts > slots) {
            // Checked here because Spark would retry the job for minutes before failing it with a message about
            // barrier slots.
            throw new IllegalArgumentException("several steps per job run every partition's task at the same time"
                    + " (Spark's barrier mode): " + parts + " partitions need more than the cluster's " + slots
                    + " task slots; use at most " + slots + " partitions (.partitions(" + slots + ")) or one step"
                    + " per job");
        }
        TrainingSetup setup = new TrainingSetup(network.config().toYaml(), plan, oneHot);
        JavaRDD<ShardBlock> trainBlocks = ShardBlocks.of(train, columns, network, plan, parts, "training set");
        ShardPlan testPlan = new ShardPlan(testSize, Math.min(plan.shards(), testSize), Math.min(plan.shards(),
                testSize), config.sampler(), 0);
        JavaRDD<ShardBlock> testBlocks = ShardBlocks.of(test, columns, network, testPlan, parts, "test set");
        try {
            return new Run(jsc, setup, trainBlocks, testBlocks, trainSize, testSize, start).loop();
        } finally {
            trainBlocks.unpersist(false);
            testBlocks.unpersist(false);
        }
    }

    /** One run's state on the driver. */
    private final class Run {
        private final JavaSparkContext jsc;
        private final TrainingSetup setup;
        private final JavaRDD<ShardBlock> trainBlocks;
        private final JavaRDD<ShardBlock> testBlocks;
        private final int trainSize;
        private final int testSize;
        private final long start;
        private final List<Parameter> params = network.parameters();
        private final List<Evaluation> evals = new ArrayList<>();
        private double[] losses;

        Run(JavaSparkContext jsc, TrainingSetup setup, JavaRDD<ShardBlock> trainBlocks,
            JavaRDD<ShardBlock> testBlocks, int trainSize, int testSize, long start) {
            this.jsc = jsc;
            this.setup = setup;
            this.trainBlocks = trainBlocks;
            this.testBlocks = testBlocks;
            this.trainSize = trainSize;
            this.testSize = testSize;
            this.start = start;
        }

        TrainingResult loop() {
            int perEpoch = config.iterationsPerEpoch(trainSize);
            int total = config.totalIterations(trainSize);
            losses = new double[total];
            TrainingRun run = new TrainingRun(network, config, total, perEpoch, trainSize, testSize);
            listeners.forEach(l -> l.onStart(run));
            TrainingResult.Stop stop = TrainingResult.Stop.COMPLETED;
            int done = 0;
            while (done < total && stop == TrainingResult.Stop.COMPLETED) {
                int steps = syncEvery > 0 ? Math.min(syncEvery, total - done) : untilEvaluation(done, total, perEpoch);
                double[] stepLosses = syncEvery > 0 ? localSgdRound(done, steps)
                        : steps == 1 ? new double[] {exactStep(done)} : barrierSteps(done, steps);
                boolean due = false;
                for (int k = 0; k < steps; k++) {
                    int i = done + k;
                    if (!Double.isFinite(stepLosses[k])) {
                        throw new IllegalStateException(network.config().name() + ": training diverged at iteration "
                                + i + ": the loss is " + stepLosses[k] + "; try a lower learning rate");
                    }
                    losses[i] = stepLosses[k];
                    for (TrainingListener l : listeners) {
                        l.onIteration(i, losses[i]);
                    }
                    due |= config.eval().due(i, perEpoch);
                }
                done += steps;
                int last = done - 1;
                if (due && evaluate(last, last / perEpoch, losses[last], false).testAccuracy()
                        >= config.targetAccuracy().orElse(Double.POSITIVE_INFINITY)) {
                    stop = TrainingResult.Stop.TARGET_REACHED;
                }
            }
            if (stop == TrainingResult.Stop.COMPLETED) {
                evaluate(done, done / perEpoch, done == 0 ? Double.NaN : losses[done - 1], true);
            }
            TrainingResult result = new TrainingResult(new History(Arrays.copyOf(losses, done), evals), done, stop,
                    Duration.ofNanos(System.nanoTime() - start));
            listeners.forEach(l -> l.onFinish(result));
            return result;
        }

        /** One synchronous step: shard gradient sums from the tasks, added in shard order, one optimizer update. */
        private double exactStep(int i) {
            Broadcast<TensorValues> weights = jsc.broadcast(TensorValues.ofParameters(params));
            TrainingSetup s = setup;
            try {
                List<ShardBlock.ShardSum> sums = new ArrayList<>(trainBlocks
                        .map(b -> b.gradient(s, weights.value(), i)).collect());
                sums.sort(Comparator.comparingInt(ShardBlock.ShardSum::shard));
                List<ShardGradient> grads = new ArrayList<>();
                sums.forEach(g -> grads.add(g.toGradient(network.dtype())));
                double loss = ShardGradient.apply(network, grads);
                optimizer.step(params);
                return TrainingLosses.recorded(loss, optimizer, network);
            } finally {
                weights.destroy();
            }
        }

        /** Exact steps from {@code from} for the next job: up to steps-per-job, ending where an evaluation is due. */
        private int untilEvaluation(int from, int total, int perEpoch) {
            int steps = 1;
            while (steps < stepsPerJob && from + steps < total && !config.eval().due(from + steps - 1, perEpoch)) {
                steps++;
            }
            return steps;
        }

        /** {@code steps} exact steps in one barrier job; the weights and optimizer state come back from the tasks. */
        private double[] barrierSteps(int from, int steps) {
            Broadcast<TensorValues> weights = jsc.broadcast(TensorValues.ofParameters(params));
            Broadcast<TensorValues> state = jsc.broadcast(TensorValues.of(optimizer.state()));
            try {
                BarrierSteps.Result r = trainBlocks.rdd().barrier()
                        .mapPartitions(new BarrierSteps(setup, weights, state, from, steps), false,
                                scala.reflect.ClassTag$.MODULE$.apply(BarrierSteps.Result.class))
                        // Spark reruns a failed barrier stage only when it is a map stage: a shuffle after it makes
                        // it one (a failed barrier result stage aborts the job).
                        .toJavaRDD().repartition(1).collect().getFirst();
                r.weights().writeInto(params);
                if (!r.state().names().isEmpty()) {
                    optimizer.loadState(r.state().toMap(network.dtype()));
                }
                return r.losses();
            } finally {
                weights.destroy();
                state.destroy();
            }
        }

        /** {@code steps} local steps on every shard, then the replicas' mean; returns the mean loss of each step. */
        private double[] localSgdRound(int from, int steps) {
            Broadcast<TensorValues> weights = jsc.broadcast(TensorValues.ofParameters(params));
            Broadcast<TensorValues> state = jsc.broadcast(TensorValues.of(optimizer.state()));
            TrainingSetup s = setup;
            try {
                List<ShardBlock.Replica> replicas = new ArrayList<>(trainBlocks
                        .map(b -> b.localSteps(s, weights.value(), state.value(), from, steps)).collect());
                replicas.sort(Comparator.comparingInt(ShardBlock.Replica::shard));
                TensorValues.mean(replicas.stream().map(ShardBlock.Replica::params).toList()).writeInto(params);
                TensorValues meanState = TensorValues.mean(replicas.stream().map(ShardBlock.Replica::state).toList());
                if (!meanState.names().isEmpty()) {
                    optimizer.loadState(meanState.toMap(network.dtype()));
                }
                double[] out = new double[steps];
                for (int k = 0; k < steps; k++) {
                    long count = 0;
                    for (ShardBlock.Replica r : replicas) {
                        out[k] += r.lossSums()[k];
                        count += r.count();
                    }
                    out[k] /= count;
                }
                return out;
            } finally {
                weights.destroy();
                state.destroy();
            }
        }

        /**
         * Train and test accuracy on the configuration's eval sample of each set, as {@code Trainer}; the final one
         * ({@code last}) on the whole test set.
         */
        private Evaluation evaluate(int iteration, int epoch, double loss, boolean last) {
            int sample = config.evalSample();
            int trainRows = sample > 0 ? Math.min(sample, trainSize) : trainSize;
            int testRows = sample > 0 && !last ? Math.min(sample, testSize) : testSize;
            Broadcast<TensorValues> weights = jsc.broadcast(TensorValues.ofParameters(params));
            try {
                double train = correct(trainBlocks, weights, trainRows) / (double) trainRows;
                double test = correct(testBlocks, weights, testRows) / (double) testRows;
                Evaluation e = new Evaluation(iteration, epoch, train, test, loss);
                evals.add(e);
                listeners.forEach(l -> l.onEvaluation(e));
                return e;
            } finally {
                weights.destroy();
            }
        }

        private long correct(JavaRDD<ShardBlock> blocks, Broadcast<TensorValues> weights, int rows) {
            String yaml = setup.yaml();
            boolean hot = setup.oneHot();
            return blocks.map(b -> b.countCorrect(yaml, weights.value(), hot, rows)).reduce(Long::sum);
        }
    }
}
