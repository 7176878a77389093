package dev.dlfs.examples.cli;

import dev.dlfs.examples.Example;
import dev.dlfs.examples.data.DataExample;
import dev.dlfs.examples.layers.LayersExample;
import dev.dlfs.examples.loss.LossExample;
import dev.dlfs.examples.model.ModelExample;
import dev.dlfs.examples.optim.OptimExample;
import dev.dlfs.examples.tensor.TensorExample;
import java.util.List;
import java.util.Optional;

/** Every runnable example, one per module, in the order of the book's chapters. */
final class ExampleCatalog {
    private ExampleCatalog() {
    }

    static List<Example> all() {
        return List.of(new TensorExample(), new LayersExample(), new LossExample(), new OptimExample(),
                new DataExample(), new ModelExample());
    }

    /** The example called {@code name}, if there is one. */
    static Optional<Example> find(String name) {
        return all().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }
}
