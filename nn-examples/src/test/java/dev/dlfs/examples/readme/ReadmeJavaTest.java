package dev.dlfs.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.dlfs.data.Dataset;
import dev.dlfs.data.DatasetNotFoundException;
import dev.dlfs.layers.Layer;
import dev.dlfs.layers.LayerContext;
import dev.dlfs.layers.LayerRegistry;
import dev.dlfs.layers.LayerSpec;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java, taken from the README: every block compiles, every statements block runs (unless marked
 * {@code not run}), and the runs do what the README says. How blocks become source files: {@link JavaBlock},
 * {@link JavaUnit}; the markers: {@link BlockMarker}.
 */
class ReadmeJavaTest {
    private static final String BUILDER_TOUR = "2. The same network with the builder";
    private static final String LAYER_OBJECT = "3. A layer of your own, as an object";
    private static final String PLUGIN_TOUR = "5. Writing a layer plugin";

    /** What a run must also show beyond finishing normally, by the heading of the block. */
    private static final Map<String, RunCheck> RUN_CHECKS = Map.of(
            BUILDER_TOUR, ReadmeJavaTest::trainedTheBooksNetworkForOneEpochAndSavedIt,
            LAYER_OBJECT, ReadmeJavaTest::summaryListsTheLayerObjectAndItsFactor);

    @FunctionalInterface
    private interface RunCheck {
        void check(JavaBlockRun run) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> everyBlockCompilesAndEveryStatementsBlockRuns(@TempDir Path dir) throws IOException {
        JavaBlockCompiler javac = JavaBlockCompiler.ofThisRun();
        List<JavaUnit> units = JavaUnit.of(Readme.blocks());
        assertFalse(units.isEmpty(), "the README has no Java blocks");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            JavaUnit unit = units.get(i);
            Path unitDir = dir.resolve("unit" + i);
            tests.add(dynamicTest(unit.describe(), () -> {
                List<Path> classes = unit.compile(javac, unitDir);
                if (unit.runs()) {
                    JavaBlockRun run = unit.run(javac, classes, unitDir.resolve("work"));
                    if (run.exitCode() != 0 && run.err().contains(DatasetNotFoundException.class.getName())) {
                        Readme.dataMissing(unit.first(), run.err());
                    }
                    assertEquals(0, run.exitCode(), unit.first().where() + ": the block failed when run:\n" + run);
                    RunCheck check = RUN_CHECKS.get(unit.first().heading());
                    if (check != null) {
                        check.check(run);
                    }
                }
            }));
        }
        tests.add(dynamicTest("every check of a run found its block", () -> {
            Set<String> run = units.stream().filter(JavaUnit::runs).map(u -> u.first().heading())
                    .collect(Collectors.toSet());
            assertTrue(run.containsAll(RUN_CHECKS.keySet()), "no statements block that runs under the headings "
                    + RUN_CHECKS.keySet() + "; under: " + run);
        }));
        return tests.stream();
    }

    /**
     * The builder tour, run for one epoch (its marker replaces the 10000 iterations by 600): after one epoch the
     * book's two-layer net is at about 90% (its first evaluation, after iteration 600), it prints the test
     * accuracy last, and the checkpoint it wrote holds that very network.
     */
    private static void trainedTheBooksNetworkForOneEpochAndSavedIt(JavaBlockRun run) throws IOException {
        List<String> lines = run.out().strip().lines().toList();
        double printed = Double.parseDouble(lines.getLast().strip());
        assertTrue(printed > 0.88 && printed < 0.95, "test accuracy after one epoch " + printed + "\n" + run);
        Network saved = Checkpoint.load(run.workDir().resolve("two-layer-net.npz")).network();
        Dataset test = saved.config().loadData().test();
        assertEquals(printed, saved.accuracy(test.x(), test.t()), "the saved network's test accuracy");
    }

    /** The layer-object tour prints the summary it promises: the object as {@code scale1}, its factor counted. */
    private static void summaryListsTheLayerObjectAndItsFactor(JavaBlockRun run) {
        String out = run.out();
        assertTrue(out.contains("scale1"), "no scale1 in the summary:\n" + run);
        assertTrue(out.contains("39,761"), "784·50 + 50 + 1 + 50·10 + 10 parameters:\n" + run);
    }

    /**
     * The plugin tour's Swish, created through the README's provider with the option its YAML would give, computes
     * what its comment says, {@code y = x·σ(βx)}. (Its backward pass is checked by the tour's own gradient check,
     * which the block above runs.)
     */
    @Test
    void thePluginToursSwishComputesXTimesSigmoidOfBetaX(@TempDir Path dir) throws IOException {
        JavaBlockCompiler javac = JavaBlockCompiler.ofThisRun();
        JavaUnit plugin = JavaUnit.of(Readme.blocks()).stream()
                .filter(u -> u.first().heading().equals(PLUGIN_TOUR)
                        && JavaBlock.kindOf(u.first().code()) == JavaBlock.Kind.MODULE)
                .findFirst().orElseThrow(() -> new AssertionError("no module with classes under '" + PLUGIN_TOUR
                        + "' in the README"));
        Path classes = plugin.compile(javac, dir).getFirst();
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(ModuleFinder.of(classes), ModuleFinder.of(),
                Set.of(JavaBlock.moduleName(plugin.first().code())));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        ClassLoader loader = layer.modules().iterator().next().getClassLoader();

        double beta = 1.5;
        Layer swish = LayerRegistry.create(LayerRegistry.discover(loader), LayerSpec.of("swish", Map.of("beta", beta)),
                new LayerContext(new int[] {5}, DType.FLOAT64, new SplittableRandom(1)));
        double[] x = {-2, -0.5, 0, 0.5, 3};
        double[] y = swish.forward(Tensor.of(x, 1, 5), false).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] / (1 + Math.exp(-beta * x[i])), y[i], 1e-12, "swish(" + x[i] + ")");
        }
    }
}
