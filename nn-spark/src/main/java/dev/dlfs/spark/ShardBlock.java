package dev.dlfs.spark;

import dev.dlfs.data.Labels;
import dev.dlfs.model.Network;
import dev.dlfs.model.ShardGradient;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.Serializable;

/**
 * The rows of one data shard, held by an executor for the whole run: the samples flattened row-major (as floats or
 * doubles, the network's element type) and their class labels, in the order of the training set.
 *
 * @param shard    the shard's index in its plan
 * @param firstRow the training-set row of the first sample
 * @param shape    the per-sample shape the network takes
 * @param samples  the samples, as a tensor's backing array: {@code float[]} or {@code double[]}
 * @param labels   the class of every sample
 */
record ShardBlock(int shard, int firstRow, int[] shape, Object samples, int[] labels) implements Serializable {
    Tensor x() {
        int[] s = new int[shape.length + 1];
        s[0] = labels.length;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return samples instanceof float[] f ? Tensor.wrap(f, s) : Tensor.wrap((double[]) samples, s);
    }

    Tensor t(int classes, boolean oneHot, DType dtype) {
        return Labels.targets(labels, classes, oneHot, dtype);
    }

    /** The gradient sum of this shard's part of batch {@code iteration}, with the weights {@code params}. */
    ShardSum gradient(TrainingSetup setup, TensorValues params, int iteration) {
        return ExecutorNetworks.withConfig(setup.yaml(), net -> {
            params.writeInto(net.parameters());
            return gradient(net, setup, iteration);
        });
    }

    /** The gradient sum of this shard's part of batch {@code iteration}, with the weights {@code net} has. */
    ShardSum gradient(Network net, TrainingSetup setup, int iteration) {
        FailingOnce.check(shard, iteration);
        int[] rows = setup.plan().draw(shard, iteration);
        Tensor x = x().gatherRows(rows);
        Tensor t = t(classes(net), setup.oneHot(), net.dtype()).gatherRows(rows);
        return ShardSum.of(ShardGradient.of(net, shard, x, t), net);
    }

    /**
     * Local SGD: {@code steps} updates of a replica on this shard's parts of batches {@code from, from + 1, …},
     * starting from {@code params} and the optimizer state {@code state} (none at the start).
     */
    Replica localSteps(TrainingSetup setup, TensorValues params, TensorValues state, int from, int steps) {
        return ExecutorNetworks.withConfig(setup.yaml(), net -> {
            params.writeInto(net.parameters());
            Optimizer optimizer = net.config().createOptimizer();
            if (!state.names().isEmpty()) {
                optimizer.loadState(state.toMap(net.dtype()));
            }
            Tensor all = x();
            Tensor targets = t(classes(net), setup.oneHot(), net.dtype());
            double[] lossSums = new double[steps];
            int count = 0;
            for (int k = 0; k < steps; k++) {
                int[] rows = setup.plan().draw(shard, from + k);
                net.gradient(all.gatherRows(rows), targets.gatherRows(rows));
                double loss = net.lastLoss();
                optimizer.step(net.parameters());
                lossSums[k] = TrainingLosses.recorded(loss, optimizer, net) * rows.length;
                count = rows.length;
            }
            return new Replica(shard, count, lossSums, TensorValues.ofParameters(net.parameters()),
                    TensorValues.of(optimizer.state()));
        });
    }

    /** Samples among this shard's rows before training-set row {@code limit} that the network classifies right. */
    long countCorrect(String yaml, TensorValues params, boolean oneHot, int limit) {
        int n = Math.min(labels.length, Math.max(0, limit - firstRow));
        if (n == 0) {
            return 0;
        }
        return ExecutorNetworks.withConfig(yaml, net -> {
            params.writeInto(net.parameters());
            return (long) net.countCorrect(x().rows(0, n), t(classes(net), oneHot, net.dtype()).rows(0, n));
        });
    }

    static int classes(Network net) {
        int[] out = net.outputShape();
        return out[out.length - 1];
    }

    /**
     * One shard's part of a batch gradient, as Spark returns it to the driver.
     *
     * @param shard   the shard
     * @param count   its samples
     * @param lossSum its loss times its count
     * @param sums    its gradient sums, in parameter order
     */
    record ShardSum(int shard, int count, double lossSum, TensorValues sums) implements Serializable {
        static ShardSum of(ShardGradient g, Network net) {
            java.util.Map<String, Tensor> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < g.sums().size(); i++) {
                m.put(net.parameters().get(i).name(), g.sums().get(i));
            }
            return new ShardSum(g.shard(), g.count(), g.lossSum(), TensorValues.of(m));
        }

        ShardGradient toGradient(DType dtype) {
            return new ShardGradient(shard, count, lossSum, java.util.List.copyOf(sums.toMap(dtype).values()));
        }
    }

    /**
     * A local-SGD replica after its steps.
     *
     * @param shard    the shard it trained on
     * @param count    samples per step
     * @param lossSums per step, the recorded loss (with the weight-decay penalty) times the count
     * @param params   its weights
     * @param state    its optimizer's state
     */
    record Replica(int shard, int count, double[] lossSums, TensorValues params, TensorValues state)
            implements Serializable {
    }
}
