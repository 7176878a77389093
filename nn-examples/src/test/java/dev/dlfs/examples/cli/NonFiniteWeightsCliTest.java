package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.examples.plot.GrayImage;
import dev.dlfs.model.Checkpoint;
import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.NpyArray;
import dev.dlfs.tensor.io.Npz;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of the issue: a checkpoint or book-weights file with NaN or an infinity gave exit 0 with a chance
 * accuracy, or "predicted class 0 with probability NaN". Now the command stops, naming the file, the array and the
 * first bad element, and prints no result.
 */
class NonFiniteWeightsCliTest {
    /** {@code file}'s arrays with element {@code index} of {@code name} set to {@code value}, written to {@code out}. */
    static Path poisoned(Path file, String name, int index, double value, Path out) throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>(Npz.readArrays(file));
        Tensor t = arrays.get(name).toTensor();
        t.setFlat(index, value);
        arrays.put(name, NpyArray.of(t));
        Npz.writeArrays(out, arrays, false);
        return out;
    }

    @Test
    void evalOfACheckpointWithNanStopsNamingTheParameterAndIndex(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.npz");
        Checkpoint.save(good, Network.of(NetworkConfig.parse(TrainEvalPredictTest.SPIRALS, "spirals.yaml")));
        Path bad = poisoned(good, "affine2.W", 17, Double.NaN, dir.resolve("nan.npz"));
        Run r = Run.of("eval", bad.toString());
        assertEquals(1, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("parameter 'affine2.W' (24, 2)")
                && r.err().contains("element 17 (flat index) is NaN"), r.err());
        assertFalse(r.out().contains("accuracy"), r.out());
        Run summary = Run.of("summary", bad.toString());
        assertEquals(1, summary.exitCode(), summary.toString());
    }

    @Test
    void predictWithBookWeightsHoldingAnInfinityStopsBeforePredicting(@TempDir Path dir) throws Exception {
        Path bad = poisoned(BookNetworksTest.SAMPLE_WEIGHT, "W1", 4000, Double.POSITIVE_INFINITY,
                dir.resolve("inf.npz"));
        Path png = dir.resolve("digit.png");
        GrayImage.writePng(new double[28 * 28], 28, 28, 1, png);
        Path config = Path.of(System.getProperty("dlfs.home", "..")).resolve("examples/sigmoid-net.yaml");
        Run r = Run.of("predict", config.toString(), "--weights", bad.toString(), png.toString());
        assertEquals(1, r.exitCode(), r.toString());
        CommandLineTest.assertOneParagraph(r);
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("parameter 'W1' (784, 50)")
                && r.err().contains("element 4000 (flat index) is inf"), r.err());
        assertFalse(r.out().contains("predicted class"), r.out());
    }
}
