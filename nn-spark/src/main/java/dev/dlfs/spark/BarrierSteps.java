package dev.dlfs.spark;

import dev.dlfs.model.ShardGradient;
import dev.dlfs.optim.Optimizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * Several exact steps in one Spark job, in barrier mode: every partition's task runs at once, computes the gradient
 * sums of its shards, and exchanges them with all the others ({@link BarrierTaskContext#allGather}); each task then
 * adds all the sums in shard order and applies its own copy of the optimizer. The copies start from the driver's
 * weights and optimizer state and do the same operations in the same order, so they stay bitwise equal to each other
 * and to the single-JVM run. Partition 0 returns the weights, state and losses after the job's steps. A failed task
 * fails the whole barrier stage, which Spark reruns from the same broadcasts. Each exchange runs under
 * {@link BarrierWake}, without which Spark's once-a-second poll would make every step last about a second.
 */
final class BarrierSteps extends AbstractFunction1<Iterator<ShardBlock>, Iterator<BarrierSteps.Result>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TrainingSetup setup;
    private final Broadcast<TensorValues> weights;
    private final Broadcast<TensorValues> state;
    private final int from;
    private final int steps;

    BarrierSteps(TrainingSetup setup, Broadcast<TensorValues> weights, Broadcast<TensorValues> state, int from,
                 int steps) {
        this.setup = setup;
        this.weights = weights;
        this.state = state;
        this.from = from;
        this.steps = steps;
    }

    @Override
    public Iterator<Result> apply(Iterator<ShardBlock> blocks) {
        List<ShardBlock> mine = new ArrayList<>();
        CollectionConverters.asJava(blocks).forEachRemaining(mine::add);
        return CollectionConverters.asScala(run(mine).iterator());
    }

    private List<Result> run(List<ShardBlock> mine) {
        BarrierTaskContext task = BarrierTaskContext.get();
        int partition = task.partitionId();
        return ExecutorNetworks.withConfig(setup.yaml(), net -> {
            weights.value().writeInto(net.parameters());
            Optimizer optimizer = net.config().createOptimizer();
            if (!state.value().names().isEmpty()) {
                optimizer.loadState(state.value().toMap(net.dtype()));
            }
            double[] losses = new double[steps];
            for (int k = 0; k < steps; k++) {
                List<ShardBlock.ShardSum> local = new ArrayList<>();
                for (ShardBlock b : mine) {
                    local.add(b.gradient(net, setup, from + k));
                }
                String ours = ShardSumMessage.encode(local, net.dtype());
                String[] messages = BarrierWake.during(() -> task.allGather(ours));
                // The messages come in partition order; this task's own sums need no decoding.
                List<ShardBlock.ShardSum> all = new ArrayList<>(local);
                for (int p = 0; p < messages.length; p++) {
                    if (p != partition) {
                        all.addAll(ShardSumMessage.decode(messages[p]));
                    }
                }
                if (all.size() != setup.plan().shards()) {
                    throw new IllegalStateException("step " + (from + k) + ": " + all.size() + " shard sums"
                            + " gathered, expected " + setup.plan().shards());
                }
                all.sort(Comparator.comparingInt(ShardBlock.ShardSum::shard));
                List<ShardGradient> grads = new ArrayList<>();
                all.forEach(g -> grads.add(g.toGradient(net.dtype())));
                double loss = ShardGradient.apply(net, grads);
                optimizer.step(net.parameters());
                losses[k] = TrainingLosses.recorded(loss, optimizer, net);
            }
            return partition != 0 ? List.<Result>of() : List.of(new Result(
                    TensorValues.ofParameters(net.parameters()), TensorValues.of(optimizer.state()), losses));
        });
    }

    /**
     * The state after a job's steps.
     *
     * @param weights the network's weights
     * @param state   the optimizer's state
     * @param losses  the recorded loss of each step
     */
    record Result(TensorValues weights, TensorValues state, double[] losses) implements Serializable {
    }
}
