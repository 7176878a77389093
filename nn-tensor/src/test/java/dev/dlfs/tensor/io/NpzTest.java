package dev.dlfs.tensor.io;

import static dev.dlfs.tensor.io.Fixtures.npy;
import static dev.dlfs.tensor.io.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** .npz archives: round trips, archives laid out as NumPy's, and broken archives. */
class NpzTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @TempDir
    Path dir;

    static Map<String, Tensor> params() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("W1", NpyRoundTripTest.sample(DType.FLOAT32, 7, 5));
        m.put("b1", NpyRoundTripTest.sample(DType.FLOAT32, 5));
        m.put("conv.W", NpyRoundTripTest.sample(DType.FLOAT64, 2, 1, 3, 3));
        m.put("adam.t", Tensor.of(new double[] {12}));
        m.put("scalar", Tensor.scalar(DType.FLOAT64, -0.5));
        m.put("a", NpyRoundTripTest.sample(DType.FLOAT32, 2, 3, 4));
        return m;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripKeepsNamesOrderAndBits(boolean compressed) throws Exception {
        Map<String, Tensor> m = params();
        Path p = dir.resolve("params.npz");
        if (compressed) {
            Npz.writeCompressed(p, m);
        } else {
            Npz.write(p, m);
        }
        Map<String, Tensor> back = Npz.read(p);
        assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
        m.forEach((k, t) -> assertEquals(t, back.get(k), k));
        try (ZipFile zip = new ZipFile(p.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertEquals(m.keySet().stream().map(k -> k + ".npy").toList(), names);
            int method = compressed ? ZipEntry.DEFLATED : ZipEntry.STORED;
            assertTrue(zip.stream().allMatch(e -> e.getMethod() == method));
        }
    }

    @Test
    void sameArraysGiveTheSameFile() throws Exception {
        Npz.write(dir.resolve("a.npz"), params());
        Npz.write(dir.resolve("b.npz"), params());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.npz")), Files.readAllBytes(dir.resolve("b.npz")));
    }

    @Test
    void readsAnArchiveLaidOutAsNumPyWritesIt() throws Exception {
        byte[] w = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }"
                + " ".repeat(59) + "\n", values(LE, 4, true, 1, 2, 3, 4));
        byte[] labels = npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }"
                + " ".repeat(60) + "\n", new byte[] {7, 2, 1});
        byte[] b = npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }\n", values(ByteOrder.BIG_ENDIAN, 8,
                true, -0.25));
        Path p = Fixtures.write(dir, "numpy.npz", Fixtures.zip("W.npy", w, "labels.npy", labels, "b.npy", b));
        Map<String, NpyArray> arrays = Npz.readArrays(p);
        assertEquals(List.of("W", "labels", "b"), List.copyOf(arrays.keySet()));
        assertArrayEquals(new int[] {7, 2, 1}, arrays.get("labels").toIntArray());
        Map<String, Tensor> tensors = Npz.read(p);
        assertEquals(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), tensors.get("W"));
        assertEquals(Tensor.of(new double[] {-0.25}), tensors.get("b"));
        assertEquals(Tensor.of(new float[] {7, 2, 1}), tensors.get("labels"));
        assertEquals(DType.FLOAT64, Npz.read(p, DType.FLOAT64).get("W").dtype());
    }

    @Test
    void emptyArchiveIsAnEmptyMap() throws Exception {
        Path p = dir.resolve("empty.npz");
        Npz.write(p, Map.of());
        assertEquals(Map.of(), Npz.read(p));
    }

    private String failure(byte[] archive) throws Exception {
        Path p = Fixtures.write(dir, "bad.npz", archive);
        String msg = assertThrows(NpyFormatException.class, () -> Npz.read(p)).getMessage();
        assertTrue(msg.startsWith(p.toString()), msg);
        return msg;
    }

    private static byte[] member() {
        return npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n", values(LE, 4, true, 1, 2));
    }

    @Test
    void duplicateMemberIsRefused() throws Exception {
        String msg = failure(Fixtures.zip("W.npy", member(), "W.npy", member()));
        assertTrue(msg.contains("member 'W.npy'") && msg.contains("duplicate"), msg);
    }

    @Test
    void memberThatIsNotNpyIsRefused() throws Exception {
        String msg = failure(Fixtures.zip("W.npy", member(), "notes.txt", new byte[] {'h', 'i'}));
        assertTrue(msg.contains("member 'notes.txt'") && msg.contains("not a .npy member"), msg);
    }

    @Test
    void corruptMemberNamesFileAndMember() throws Exception {
        byte[] bad = member();
        bad[0] = 'X';
        String msg = failure(Fixtures.zip("W.npy", member(), "b1.npy", bad));
        assertTrue(msg.contains("member 'b1.npy': not a .npy file"), msg);

        byte[] shortMember = Arrays.copyOf(member(), member().length - 2);
        msg = failure(Fixtures.zip("W.npy", shortMember));
        assertTrue(msg.contains("member 'W.npy': truncated"), msg);
    }

    @Test
    void flippedBitFailsTheChecksum() throws Exception {
        byte[] zip = Fixtures.zip("W.npy", member());
        zip[30 + "W.npy".length() + member().length - 1] ^= 0x01; // last data byte of the stored member
        String msg = failure(zip);
        assertTrue(msg.contains("member 'W.npy'") && msg.contains("CRC"), msg);
    }

    @Test
    void truncatedOrForeignArchive() throws Exception {
        byte[] zip = Fixtures.zip("W.npy", member(), "b.npy", member());
        assertTrue(failure(Arrays.copyOf(zip, zip.length / 2)).contains("not a readable .npz"));
        assertTrue(failure(member()).contains("not a readable .npz"));
    }

    @Test
    void badNamesAreRefusedBeforeWriting() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("", Tensor.zeros(1));
        Path p = dir.resolve("x.npz");
        assertThrows(IllegalArgumentException.class, () -> Npz.write(p, m));
        assertTrue(Files.notExists(p));
    }

    /** The book's pretrained MLP weights, as committed in the repository. */
    @Test
    void readsTheBooksSampleWeights() throws Exception {
        Path p = BookWeights.file("sample_weight.npz");
        assertEquals("ea1a674bb23225b7d80c3461d1066d4f5aeb159931b3e6e9225560768e3fca7d", BookWeights.sha256(p));
        Map<String, NpyArray> arrays = Npz.readArrays(p);
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), List.copyOf(arrays.keySet()));
        int[][] shapes = {{784, 50}, {50}, {50, 100}, {100}, {100, 10}, {10}};
        int k = 0;
        for (NpyArray a : arrays.values()) {
            assertEquals("<f4", a.descr());
            assertArrayEquals(shapes[k++], a.shape());
        }
        // Our encoder writes each member back to NumPy's exact bytes.
        try (ZipFile zip = new ZipFile(p.toFile())) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                byte[] original = zip.getInputStream(zip.getEntry(e.getKey() + ".npy")).readAllBytes();
                var out = new java.io.ByteArrayOutputStream();
                Npy.encode(e.getValue(), out);
                assertArrayEquals(original, out.toByteArray(), e.getKey());
            }
        }
        Tensor w1 = Npz.read(p).get("W1");
        assertEquals(DType.FLOAT32, w1.dtype());
        for (int i = 0; i < w1.size(); i++) {
            assertTrue(Double.isFinite(w1.getFlat(i)) && Math.abs(w1.getFlat(i)) < 10, "W1 element " + i);
        }
    }

    /** The book networks' predicted classes (uint8) beside the true labels; the first ten are in its README. */
    @Test
    void readsTheReferencePredictions() throws Exception {
        Path p = BookWeights.file("reference_predictions.npz");
        Map<String, NpyArray> arrays = Npz.readArrays(p);
        assertEquals(List.of("labels", "sample_weight", "simple_convnet_params"), List.copyOf(arrays.keySet()));
        for (NpyArray a : arrays.values()) {
            assertEquals("|u1", a.descr());
            assertArrayEquals(new int[] {10000}, a.shape());
        }
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9},
                Arrays.copyOf(arrays.get("labels").toIntArray(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 6, 9},
                Arrays.copyOf(arrays.get("sample_weight").toIntArray(), 10));
    }
}
