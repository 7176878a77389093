package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.DataSplit;
import dev.dlfs.tensor.Tensor;
import dev.dlfs.tensor.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    static final String NET = """
            name: bn-net
            input: [2]
            layers:
              - {type: affine, units: 16, init: he}
              - {type: batchnorm}
              - {type: relu}
              - {type: affine, units: 2, init: he}
            loss: softmax-with-loss
            optimizer: {type: adam, lr: 0.01}
            training: {iterations: 40, batch-size: 20, seed: 3, eval: none}
            data: {source: spirals, n: 50}
            """;

    static NetworkConfig config() {
        return NetworkConfig.parse(NET, "bn.yaml");
    }

    @Test
    void aSavedNetworkLoadsBackExactly(@TempDir Path dir) throws IOException {
        NetworkConfig c = config();
        Network net = Network.of(c);
        Trainer trainer = Trainer.of(net);
        TrainingResult r = trainer.run(c.loadData());
        Path file = dir.resolve("net.npz");
        Checkpoint.save(file, net, trainer.optimizer(), r.iterations());
        Checkpoint back = Checkpoint.load(file);
        assertEquals(40, back.iteration());
        assertEquals(c.toYaml(), back.network().config().toYaml());
        assertEquals(net.params(), back.network().params());
        assertEquals(net.buffers(), back.network().buffers());
        assertTrue(net.buffers().containsKey("batchnorm1.running_mean"));
        assertEquals(trainer.optimizer().state(), back.optimizerState());
        assertTrue(back.optimizerState().keySet().stream().anyMatch(k -> k.startsWith("affine1.W.")),
                back.optimizerState().keySet().toString());
        Tensor x = c.loadData().test().x();
        assertEquals(net.predict(x), back.network().predict(x));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theArchiveIsPlainNumpy(@TempDir Path dir) throws IOException {
        Network net = Network.of(config());
        Path file = dir.resolve("net.npz");
        Checkpoint.save(file, net);
        Map<String, dev.dlfs.tensor.io.NpyArray> arrays = Npz.readArrays(file);
        assertEquals("|u1", arrays.get("dlfs/config").descr());
        assertEquals("<f4", arrays.get("affine1.W").descr());
        assertTrue(Arrays.equals(new int[] {2, 16}, arrays.get("affine1.W").shape()));
        assertEquals("<i8", arrays.get("dlfs/iteration").descr());
    }

    @Test
    void trainingResumesWhereItStopped(@TempDir Path dir) throws IOException {
        NetworkConfig c = config();
        DataSplit data = c.loadData();
        Network straight = Network.of(c);
        TrainingResult whole = Trainer.of(straight).run(data);

        NetworkConfig half = c.withTraining(c.training().withEval(EvalSchedule.none()));
        Network first = Network.of(half);
        Trainer t1 = new Trainer(first, half.createOptimizer(), TrainingConfig.builder()
                .iterations(20).batchSize(20).seed(3).eval(EvalSchedule.none()).build());
        t1.run(data);
        Path file = dir.resolve("half.npz");
        Checkpoint.save(file, first, t1.optimizer(), 20);
        Checkpoint cp = Checkpoint.load(file);
        TrainingResult rest = Trainer.of(cp.network()).resume(cp).run(data);
        assertEquals(40, rest.iterations());
        assertTrue(Double.isNaN(rest.history().loss(19)));
        assertEquals(whole.history().loss(39), rest.history().loss(39));
        assertEquals(straight.params(), cp.network().params());
        assertEquals(straight.buffers(), cp.network().buffers());
    }

    @Test
    void missingExtraAndMisshapedArraysAreRefused(@TempDir Path dir) throws IOException {
        Network net = Network.of(config());
        Path good = dir.resolve("good.npz");
        Checkpoint.save(good, net);
        Map<String, dev.dlfs.tensor.io.NpyArray> arrays = new LinkedHashMap<>(Npz.readArrays(good));
        arrays.remove("batchnorm1.running_var");
        arrays.put("affine2.b", dev.dlfs.tensor.io.NpyArray.of(Tensor.zeros(3)));
        arrays.put("affine3.W", dev.dlfs.tensor.io.NpyArray.of(Tensor.zeros(2, 2)));
        Path bad = dir.resolve("bad.npz");
        Npz.writeArrays(bad, arrays, false);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.load(bad));
        assertTrue(e.getMessage().contains("missing array 'batchnorm1.running_var' (16,)"), e.getMessage());
        assertTrue(e.getMessage().contains("array 'affine2.b' has shape (3,), the network needs (2,)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("unexpected array(s) [affine3.W]"), e.getMessage());
        IOException into = assertThrows(IOException.class, () -> Checkpoint.loadInto(Network.of(config()), bad));
        assertTrue(into.getMessage().startsWith(bad + " does not fit network 'bn-net'"), into.getMessage());
    }

    @Test
    void truncatedCorruptAndForeignFilesAreClearErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.npz");
        Checkpoint.save(good, Network.of(config()));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        IOException t = assertThrows(IOException.class, () -> Checkpoint.load(truncated));
        assertTrue(t.getMessage().contains(truncated.toString()), t.getMessage());
        Path flipped = dir.resolve("flipped.npz");
        byte[] copy = bytes.clone();
        // a bit inside the values of affine1.W (after its local header, name and 128-byte .npy header)
        int member = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("affine1.W.npy");
        copy[member + 200] ^= 0x10;
        Files.write(flipped, copy);
        IOException f = assertThrows(IOException.class, () -> Checkpoint.load(flipped));
        assertTrue(f.getMessage().contains(flipped.toString()), f.getMessage());
        NotACheckpointException book = assertThrows(NotACheckpointException.class,
                () -> Checkpoint.load(Examples.bookWeights("sample_weight.npz")));
        assertEquals(Examples.bookWeights("sample_weight.npz").toString(), book.file());
        assertTrue(book.getMessage().contains("not a dlfs checkpoint"), book.getMessage());
        assertTrue(book.getMessage().contains("BookWeights.load"), book.getMessage());
    }
}
