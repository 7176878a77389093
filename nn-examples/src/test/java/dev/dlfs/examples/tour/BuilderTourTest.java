package dev.dlfs.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.DataConfig;
import dev.dlfs.model.Network;
import dev.dlfs.model.Trainer;
import dev.dlfs.model.TrainingConfig;
import dev.dlfs.model.TrainingResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's builder example, as written there (one epoch instead of the book's 10000 iterations). */
class BuilderTourTest {
    @Test
    void theReadmesBuilderExampleTrainsAndSaves(@TempDir Path dir) throws Exception {
        Network net = Network.builder()
                .name("two-layer-net").input(784).seed(42).init(Map.of("std", 0.01))
                .affine(50).relu().affine(10)
                .loss("softmax-with-loss")
                .optimizer("sgd", Map.of("lr", 0.1))
                .training(TrainingConfig.iterations(600))
                .data(DataConfig.of("mnist", Map.of("one-hot", true)))
                .build();
        TrainingResult result = Trainer.of(net).run(net.config().loadData());
        Checkpoint.save(dir.resolve("two-layer-net.npz"), net);

        // After one epoch the book's two-layer net is at about 90% (its first evaluation after iteration 600).
        assertTrue(result.testAccuracy() > 0.88 && result.testAccuracy() < 0.95, "test " + result.testAccuracy());
        Network again = Checkpoint.load(dir.resolve("two-layer-net.npz")).network();
        var test = net.config().loadData().test();
        assertEquals(net.countCorrect(test.x(), test.t()), again.countCorrect(test.x(), test.t()));
    }
}
