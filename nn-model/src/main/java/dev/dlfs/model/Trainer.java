package dev.dlfs.model;

import dev.dlfs.data.Batch;
import dev.dlfs.data.BatchSampler;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.Dataset;
import dev.dlfs.data.EpochSampler;
import dev.dlfs.data.RandomBatchSampler;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.WeightDecay;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The book's training loop: draw a mini-batch, backpropagate, update, record the loss; measure train and test
 * accuracy on the configured schedule; stop early at a target accuracy; stop with a {@link DivergenceException}
 * when the loss or the parameters stop being finite, or when the loss explodes (see
 * {@link TrainingConfig#divergenceFactor()}); stop after the current iteration when {@link #requestStop()} is called.
 *
 * <pre>{@code
 * NetworkConfig config = NetworkConfig.load(Path.of("examples/two-layer-net.yaml"));
 * Network net = Network.of(config);
 * TrainingResult result = Trainer.of(net)
 *         .listener(TrainingListener.progress())
 *         .run(config.loadData());
 * System.out.println(result.testAccuracy());
 * }</pre>
 * The same configuration and seed give bitwise the same history and weights, whatever the thread count.
 */
public final class Trainer {
    private final Network network;
    private final Optimizer optimizer;
    private final TrainingConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private double weightDecay;
    private int startIteration;
    private String lrHint;
    private volatile boolean stopRequested;

    /**
     * A trainer of {@code network} updating with {@code optimizer} as {@code config} says. The recorded loss includes
     * the penalty of the optimizer's own {@link Optimizer#weightDecay() weight decay}.
     */
    public Trainer(Network network, Optimizer optimizer, TrainingConfig config) {
        this.network = network;
        this.optimizer = optimizer;
        this.config = config;
        this.weightDecay = optimizer.weightDecay();
        OptionalDouble lr = optimizer.learningRate();
        this.lrHint = lr.isPresent() ? "the learning rate (lr " + lr.getAsDouble() + ")" : "the learning rate";
    }

    /** A trainer with the optimizer and training run of the network's own configuration. */
    public static Trainer of(Network network) {
        return of(network, network.config());
    }

    /**
     * A trainer of {@code network} with the optimizer and training run of {@code c}, which may differ from the
     * network's own configuration in those sections (a checkpoint resumed under a longer run, say).
     */
    public static Trainer of(Network network, NetworkConfig c) {
        if (c.optimizer() == null || c.training() == null) {
            throw c.origin().error("", "training needs an 'optimizer' and a 'training' section; this configuration"
                    + " lacks " + (c.optimizer() == null ? "'optimizer'" : "'training'"));
        }
        Trainer t = new Trainer(network, c.createOptimizer(), c.training());
        if (t.optimizer.learningRate().isEmpty()) {
            t.lrHint = "the learning rate of " + c.optimizer().type();
        }
        return t;
    }

    /**
     * The weight decay λ whose penalty {@code λ/2·ΣW²} is added to the recorded loss, in place of the optimizer's own
     * {@link Optimizer#weightDecay()}.
     */
    public Trainer weightDecay(double lambda) {
        this.weightDecay = lambda;
        return this;
    }

    /**
     * Continues the run a checkpoint was saved in: restores the optimizer's state and starts after the saved
     * iteration, drawing the same batches the uninterrupted run would have drawn. The trainer must train the
     * checkpoint's own network ({@code Trainer.of(checkpoint.network())}). The history holds NaN for the
     * iterations before the start.
     */
    public Trainer resume(Checkpoint checkpoint) {
        if (checkpoint.network() != network) {
            throw new IllegalArgumentException("resume: this trainer trains another network than the checkpoint's;"
                    + " use Trainer.of(checkpoint.network())");
        }
        optimizer.loadState(checkpoint.optimizerState());
        startIteration = checkpoint.iteration();
        return this;
    }

    /**
     * Asks the run in progress (on another thread) to end after its current iteration, as {@link
     * TrainingResult.Stop#STOPPED}, so that its state can be saved; a call before {@link #run} stops it before its
     * first iteration.
     */
    public void requestStop() {
        stopRequested = true;
    }

    public Trainer listener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Network network() {
        return network;
    }

    /** Trains on {@code data.train()}, evaluating on both sets. */
    public TrainingResult run(DataSplit data) {
        int previousThreads = Parallelism.threads();
        if (config.threads() > 0) {
            Parallelism.setThreads(config.threads());
        }
        try {
            return loop(data.train(), data.test());
        } finally {
            Parallelism.setThreads(previousThreads);
        }
    }

    private TrainingResult loop(Dataset train, Dataset test) {
        DataFit.check(network, train, "training set");
        DataFit.check(network, test, "test set");
        long start = System.nanoTime();
        int perEpoch = config.iterationsPerEpoch(train.size());
        int total = config.totalIterations(train.size());
        ShardedBatches sharded = config.shards() > 0 ? new ShardedBatches(network, train, config) : null;
        BatchSampler sampler = sharded != null ? null : config.sampler() == Sampling.RANDOM
                ? new RandomBatchSampler(train, config.batchSize(), config.seed())
                : new EpochSampler(train, config.batchSize(), false, config.seed());
        TrainingRun run = new TrainingRun(network, config, total, perEpoch, train.size(), test.size());
        listeners.forEach(l -> l.onStart(run));
        List<Parameter> params = network.parameters();
        double[] losses = new double[total];
        List<Evaluation> evals = new ArrayList<>();
        TrainingResult.Stop stop = TrainingResult.Stop.COMPLETED;
        int done = Math.min(startIteration, total);
        java.util.Arrays.fill(losses, 0, done, Double.NaN);
        for (int i = 0; i < done && sampler != null; i++) {
            sampler.next();     // the batches the interrupted run already used (sharded draws depend on i alone)
        }
        int first = done;
        while (done < total) {
            if (stopRequested) {
                stop = TrainingResult.Stop.STOPPED;
                break;
            }
            int i = done;
            Tensor x;
            double loss;
            if (sharded == null) {
                Batch batch = sampler.next();
                network.gradient(batch.x(), batch.t());
                x = batch.x();
                loss = network.lastLoss();
            } else {
                loss = sharded.gradient(network, i);
                x = sharded.sample();
            }
            if (!Double.isFinite(loss)) {
                throw Divergence.at(network, i, "the loss is " + loss, x, lrHint, history(losses, i, evals));
            }
            optimizer.step(params);
            if (weightDecay > 0) {
                loss += WeightDecay.penalty(params, weightDecay);
            }
            losses[i] = loss;
            String exploded = Divergence.explosion(losses, first, i, config.divergenceFactor());
            if (exploded != null) {
                throw Divergence.at(network, i, exploded, x, lrHint, history(losses, i + 1, evals));
            }
            done++;
            for (int k = 0; k < listeners.size(); k++) {
                listeners.get(k).onIteration(i, loss);
            }
            if (config.eval().due(i, perEpoch)) {
                Evaluation e = evaluate(i, i / perEpoch, loss, train, test, losses, evals, x);
                if (config.targetAccuracy().isPresent() && e.testAccuracy() >= config.targetAccuracy().getAsDouble()) {
                    stop = TrainingResult.Stop.TARGET_REACHED;
                    break;
                }
            }
        }
        if (stop == TrainingResult.Stop.COMPLETED) {
            evaluate(done, done / perEpoch, done == 0 ? Double.NaN : losses[done - 1], train, test, losses, evals,
                    null);
        }
        TrainingResult result = new TrainingResult(history(losses, done, evals), done, stop,
                Duration.ofNanos(System.nanoTime() - start));
        listeners.forEach(l -> l.onFinish(result));
        return result;
    }

    /**
     * A per-schedule evaluation (given the last batch's samples {@code x}) or the final one ({@code x} null), which
     * uses the whole test set as the book.
     */
    private Evaluation evaluate(int iteration, int epoch, double loss, Dataset train, Dataset test, double[] losses,
                                List<Evaluation> evals, Tensor x) {
        Divergence.checkParameters(network, iteration, x, lrHint,
                () -> history(losses, Math.min(iteration + 1, losses.length), evals));
        double testAccuracy = x == null ? network.accuracy(test.x(), test.t()) : accuracy(test);
        Evaluation e = new Evaluation(iteration, epoch, accuracy(train), testAccuracy, loss);
        evals.add(e);
        for (TrainingListener l : listeners) {
            l.onEvaluation(e);
        }
        return e;
    }

    private double accuracy(Dataset d) {
        int n = config.evalSample() > 0 ? Math.min(config.evalSample(), d.size()) : d.size();
        return n == d.size() ? network.accuracy(d.x(), d.t())
                : network.accuracy(d.x().rows(0, n), d.t().rows(0, n));
    }

    private static History history(double[] losses, int done, List<Evaluation> evals) {
        return new History(java.util.Arrays.copyOf(losses, done), evals);
    }
}
