package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.Batch;
import dev.dlfs.data.DataSplit;
import dev.dlfs.data.RandomBatchSampler;
import dev.dlfs.optim.Optimizer;
import dev.dlfs.optim.OptimizerProvider;
import dev.dlfs.optim.OptimizerRegistry;
import dev.dlfs.optim.WeightDecay;
import dev.dlfs.tensor.Parameter;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.spi.Options;
import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A plugin optimizer whose options are not called {@code lr} and {@code weight-decay} still gets its L2 term into
 * the recorded loss and its rate into the divergence hint: the trainer asks the optimizer, not its options.
 */
class PluginWeightDecayTest {
    /** SGD with L2 decay, configured as {@code {type: test-l2-sgd, rate: …, l2: …}}. */
    static final class L2SgdProvider implements OptimizerProvider {
        @Override
        public Set<String> names() {
            return Set.of("test-l2-sgd");
        }

        @Override
        public Optimizer create(String name, Options o) {
            double rate = o.requireDouble("rate");
            double l2 = o.getDouble("l2", 0);
            return new Optimizer() {
                @Override
                public void step(List<Parameter> parameters) {
                    for (Parameter p : parameters) {
                        if (p.regularized()) {
                            p.value().mulInPlace(1 - rate * l2);   // W − rate·l2·W
                        }
                        p.value().addScaledInPlace(-rate, p.grad());
                    }
                }

                @Override
                public double weightDecay() {
                    return l2;
                }

                @Override
                public OptionalDouble learningRate() {
                    return OptionalDouble.of(rate);
                }
            };
        }
    }

    static {
        if (OptimizerRegistry.shared().find("test-l2-sgd").isEmpty()) {
            OptimizerRegistry.shared().register(new L2SgdProvider());
        }
    }

    private static NetworkConfig spirals(String optimizer) {
        return TrainerTest.config(TrainerTest.SPIRALS.replace("{type: adam, lr: 0.05}", optimizer)
                .replace("iterations: 600", "iterations: 1").replace("seed: 7}", "seed: 7, eval: none}"));
    }

    @Test
    void theRecordedLossIncludesThePenaltyOfAnL2OptionWithAnotherName() throws IOException {
        NetworkConfig c = spirals("{type: test-l2-sgd, rate: 0.5, l2: 0.1}");
        DataSplit data = c.loadData();
        TrainingResult r = Trainer.of(Network.of(c)).run(data);

        Network net = Network.of(c);
        Batch b = new RandomBatchSampler(data.train(), 20, 7).next();
        net.gradient(b.x(), b.t());
        double bare = net.lastLoss();
        c.createOptimizer().step(net.parameters());
        double penalty = WeightDecay.penalty(net.parameters(), 0.1);
        assertTrue(penalty > 0, "the spirals net has regularised weights");
        assertEquals(bare + penalty, r.history().loss(0));
    }

    @Test
    void theDivergenceHintNamesThePluginsOwnRate() {
        NetworkConfig c = TrainerTest.config(TrainerTest.SPIRALS.replace("{type: adam, lr: 0.05}",
                "{type: test-l2-sgd, rate: 1.0e30}"));
        DivergenceException e = assertThrows(DivergenceException.class, () -> Trainer.of(Network.of(c))
                .run(c.loadData()));
        assertTrue(e.getMessage().contains("The learning rate (lr 1.0E30) is probably too high"), e.getMessage());
    }
}
