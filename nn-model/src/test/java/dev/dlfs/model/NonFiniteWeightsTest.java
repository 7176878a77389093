package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.MalformedDataException;
import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.NpyArray;
import dev.dlfs.tensor.io.Npz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint or book-weights file holding NaN, an infinity, or a value its network's dtype cannot hold is refused
 * on load, naming the file, the array and the first bad element; the network is left as it was.
 */
class NonFiniteWeightsTest {
    /** The arrays of {@code file} with element {@code index} of {@code name} set to {@code value}, in {@code dtype}. */
    static Path withValue(Path file, String name, int index, double value, DType dtype, Path out) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>(Npz.readArrays(file));
        Tensor t = arrays.get(name).toTensor(dtype);
        t.setFlat(index, value);
        arrays.put(name, NpyArray.of(t));
        Npz.writeArrays(out, arrays, false);
        return out;
    }

    @Test
    void aCheckpointWithNanInAFloat32WeightIsRefusedNamingTheWeightAndIndex(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.npz");
        Checkpoint.save(good, Network.of(CheckpointTest.config()));
        Path bad = withValue(good, "affine1.W", 21, Double.NaN, DType.FLOAT32, dir.resolve("nan.npz"));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> Checkpoint.load(bad));
        assertEquals(bad.toString(), e.source());
        assertTrue(e.getMessage().contains("parameter 'affine1.W' (2, 16) holds a value that is not a finite"
                + " number: element 21 (flat index) is NaN"), e.getMessage());
        // The same file must not slip in through loadInto either, and the target keeps its weights.
        Network target = Network.of(CheckpointTest.config());
        Map<String, Tensor> before = copies(target);
        assertThrows(MalformedDataException.class, () -> Checkpoint.loadInto(target, bad));
        assertEquals(before, copies(target));
    }

    @Test
    void aFloat64CheckpointWithInfinityInABiasOrABufferIsRefused(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.npz");
        Checkpoint.save(good, Network.of(CheckpointTest.config().withDtype(DType.FLOAT64)));
        assertEquals("<f8", Npz.readArrays(good).get("affine2.b").descr());
        Path bias = withValue(good, "affine2.b", 1, Double.NEGATIVE_INFINITY, DType.FLOAT64,
                dir.resolve("inf.npz"));
        MalformedDataException b = assertThrows(MalformedDataException.class, () -> Checkpoint.load(bias));
        assertTrue(b.getMessage().contains("parameter 'affine2.b' (2,) holds a value that is not a finite number:"
                + " element 1 (flat index) is -inf"), b.getMessage());
        Path buffer = withValue(good, "batchnorm1.running_var", 15, Double.POSITIVE_INFINITY, DType.FLOAT64,
                dir.resolve("buffer.npz"));
        MalformedDataException r = assertThrows(MalformedDataException.class, () -> Checkpoint.load(buffer));
        assertTrue(r.getMessage().contains("buffer 'batchnorm1.running_var' (16,) holds a value that is not a"
                + " finite number: element 15 (flat index) is inf"), r.getMessage());
    }

    @Test
    void everyBadArrayIsNamedWithItsFirstBadElementOnly(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.npz");
        Checkpoint.save(good, Network.of(CheckpointTest.config()));
        Path once = withValue(good, "affine1.W", 30, Double.POSITIVE_INFINITY, DType.FLOAT32, dir.resolve("1.npz"));
        Path twice = withValue(once, "affine1.W", 5, Double.NaN, DType.FLOAT32, dir.resolve("2.npz"));
        Path both = withValue(twice, "affine2.W", 0, Double.NaN, DType.FLOAT32, dir.resolve("3.npz"));
        String m = assertThrows(MalformedDataException.class, () -> Checkpoint.load(both)).getMessage();
        assertTrue(m.contains("'affine1.W' (2, 16) holds a value that is not a finite number: element 5 (flat index)"
                + " is NaN"), m);
        assertTrue(!m.contains("element 30"), "only the first bad element of an array: " + m);
        assertTrue(m.contains("'affine2.W' (16, 2) holds a value that is not a finite number: element 0"), m);
    }

    @Test
    void nanInTheSavedOptimizerStateIsRefused(@TempDir Path dir) throws IOException {
        NetworkConfig c = CheckpointTest.config();
        Network net = Network.of(c);
        Trainer trainer = Trainer.of(net);
        trainer.run(c.loadData());
        Path good = dir.resolve("good.npz");
        Checkpoint.save(good, net, trainer.optimizer(), 40);
        Path bad = withValue(good, "optimizer/affine1.W.v", 3, Double.NaN, DType.FLOAT32, dir.resolve("opt.npz"));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> Checkpoint.load(bad));
        assertTrue(e.getMessage().contains("optimizer state 'optimizer/affine1.W.v' holds a value that is not a"
                + " finite number: element 3 (flat index) is NaN"), e.getMessage());
    }

    @Test
    void bookWeightsWithNanOrInfinityAreRefusedInFloat32AndFloat64(@TempDir Path dir) throws IOException {
        Path sample = Examples.bookWeights("sample_weight.npz");
        NetworkConfig c = Examples.config("sigmoid-net.yaml");
        for (DType dtype : DType.values()) {
            Path nan = withValue(sample, "W2", 123, Double.NaN, dtype, dir.resolve("nan-" + dtype.label() + ".npz"));
            Network net = Network.of(c.withDtype(dtype));
            Map<String, Tensor> before = copies(net);
            MalformedDataException e = assertThrows(MalformedDataException.class, () -> BookWeights.load(net, nan));
            assertEquals(nan.toString(), e.source());
            assertTrue(e.getMessage().contains("parameter 'W2' (50, 100) holds a value that is not a finite number:"
                    + " element 123 (flat index) is NaN"), dtype + ": " + e.getMessage());
            assertEquals(before, copies(net), "a refused file leaves the network's weights as they were");

            Path inf = withValue(sample, "b3", 9, Double.POSITIVE_INFINITY, dtype,
                    dir.resolve("inf-" + dtype.label() + ".npz"));
            String m = assertThrows(MalformedDataException.class, () -> BookWeights.load(net, inf)).getMessage();
            assertTrue(m.contains("parameter 'b3' (10,) holds a value that is not a finite number: element 9"
                    + " (flat index) is inf"), dtype + ": " + m);
        }
    }

    @Test
    void aFloat64ValueBeyondTheFloat32RangeIsRefusedForAFloat32Network(@TempDir Path dir) throws IOException {
        Path sample = Examples.bookWeights("sample_weight.npz");
        Path big = withValue(sample, "W1", 7, 1e39, DType.FLOAT64, dir.resolve("big.npz"));
        NetworkConfig c = Examples.config("sigmoid-net.yaml");
        String m = assertThrows(MalformedDataException.class,
                () -> BookWeights.load(Network.of(c), big)).getMessage();
        assertTrue(m.contains("parameter 'W1' (784, 50) holds a value that is not a finite number: element 7"
                + " (flat index) is 1.0E39, beyond the float32 range"), m);
        // A float64 network holds 1e39, so the same file loads there.
        Network wide = Network.of(c.withDtype(DType.FLOAT64));
        BookWeights.load(wide, big);
        assertEquals(1e39, wide.params().get("affine1.W").getFlat(7));
    }

    private static Map<String, Tensor> copies(Network net) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        net.params().forEach((k, v) -> out.put(k, v.copy()));
        net.buffers().forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }
}
