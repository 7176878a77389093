package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.spi.OptionException;
import dev.dlfs.tensor.spi.Options;
import dev.dlfs.tensor.spi.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceRegistryTest {
    @TempDir
    Path dir;

    private static Options config(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Options.of(m);
    }

    @Test
    void everyBuiltInSourceIsDiscovered() {
        Registry<DataSourceProvider> r = DataSourceRegistry.discover();
        assertTrue(r.names().containsAll(List.of("mnist", "fashion-mnist", "idx", "csv", "and", "or", "nand", "xor",
                "spirals")), r.names().toString());
        assertEquals(List.of(), r.loadFailures());
    }

    @Test
    void aConfigMapNamesItsSourceAndOptions() throws IOException {
        DataSplit xor = DataSourceRegistry.create(config("source", "XOR", "one-hot", true, "dtype", "float64"));
        assertArrayEquals(new int[] {4, 2}, xor.train().t().shape());
        assertEquals(DType.FLOAT64, xor.train().x().dtype());
        assertArrayEquals(new int[] {0, 1, 1, 0}, Labels.of(xor.test().t()));

        DataSplit spirals = DataSourceRegistry.create(config("source", "spirals", "n", 7, "seed", 3));
        assertEquals(14, spirals.train().size());
        assertEquals(14, spirals.test().size());
    }

    @Test
    void theTestSetAloneIsTheSplitsTestSetWithOptionsCheckedAlike() throws IOException {
        Dataset test = DataSourceRegistry.createTest("spirals", config("n", 7, "seed", 3));
        Dataset fromSplit = DataSourceRegistry.create("spirals", config("n", 7, "seed", 3)).test();
        assertEquals(fromSplit.x(), test.x());
        assertEquals(fromSplit.t(), test.t());
        OptionException option = assertThrows(OptionException.class,
                () -> DataSourceRegistry.createTest("and", config("one_hot", true)));
        assertTrue(option.getMessage().contains("data source 'and': unknown option 'one_hot'"), option.getMessage());
    }

    @Test
    void unknownOptionsAndSourcesAreNamedWithSuggestions() {
        OptionException option = assertThrows(OptionException.class,
                () -> DataSourceRegistry.create(config("source", "and", "one_hot", true)));
        assertTrue(option.getMessage().contains("data source 'and': unknown option 'one_hot'"), option.getMessage());
        assertTrue(option.getMessage().contains("did you mean 'one-hot'"), option.getMessage());

        OptionException source = assertThrows(OptionException.class,
                () -> DataSourceRegistry.create(config("source", "mnsit")));
        assertTrue(source.getMessage().contains("unknown data source 'mnsit'"), source.getMessage());
        assertTrue(source.getMessage().contains("did you mean 'mnist'"), source.getMessage());

        OptionException dtype = assertThrows(OptionException.class,
                () -> DataSourceRegistry.create(config("source", "or", "dtype", "float16")));
        assertEquals("dtype", dtype.path());
        assertTrue(dtype.getMessage().contains("float16"), dtype.getMessage());
    }

    @Test
    void providersReceiveTheNameAsTheyDeclareIt() throws IOException {
        List<String> asked = new ArrayList<>();
        DataSourceProvider recorder = new DataSourceProvider() {
            @Override
            public Set<String> names() {
                return Set.of("fashion-mnist", "other");
            }

            @Override
            public DataSplit create(String name, Options options) {
                asked.add(name);
                Dataset d = LogicGate.AND.dataset(DType.FLOAT32, false);
                return new DataSplit(d, d);
            }
        };
        Registry<DataSourceProvider> r = Registry.empty("data source", DataSourceProvider::names).register(recorder);
        DataSourceRegistry.create(r, "Fashion_MNIST", Options.empty());
        DataSourceRegistry.create(r, "OTHER", Options.empty());
        assertEquals(List.of("fashion-mnist", "other"), asked);
    }

    @Test
    void csvWithoutTestFileHoldsOutASeededFraction() throws IOException {
        StringBuilder text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 10; i++) {
            text.append(i).append(',').append(i * i).append(',').append(i % 3).append('\n');
        }
        Path file = Files.writeString(dir.resolve("d.csv"), text);
        DataSplit s = DataSourceRegistry.create(config("source", "csv", "train", file.toString(), "test-fraction", 0.3,
                "seed", 5, "one-hot", true));
        assertEquals(7, s.train().size());
        assertEquals(3, s.test().size());
        assertArrayEquals(new int[] {3, 3}, s.test().t().shape());
        Set<Integer> rows = new HashSet<>();
        for (Dataset d : List.of(s.train(), s.test())) {
            for (int r = 0; r < d.size(); r++) {
                int i = (int) d.x().get(r, 0);
                assertEquals(i * i, d.x().get(r, 1));
                assertEquals(i % 3, Labels.of(d.t())[r]);
                rows.add(i);
            }
        }
        assertEquals(10, rows.size(), "train and test are disjoint and together the whole file");
        DataSplit again = DataSourceRegistry.create(config("source", "csv", "train", file.toString(),
                "test-fraction", 0.3, "seed", 5, "one-hot", true));
        assertEquals(s.test().x(), again.test().x());
    }

    @Test
    void csvTrainAndTestFilesShareOneClassCount() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "0,1,0\n1,0,1\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "1,1,2\n");
        DataSplit s = DataSourceRegistry.create(config("source", "csv", "train", train.toString(), "test",
                test.toString(), "one-hot", true));
        assertEquals(3, s.train().classes());
        assertArrayEquals(new int[] {2, 3}, s.train().t().shape());
        assertArrayEquals(new int[] {1, 3}, s.test().t().shape());
        assertArrayEquals(new int[] {2}, Labels.of(s.test().t()));
    }

    @Test
    void idxSourceReadsAnyPairOfFiles() throws IOException {
        Path ti = IdxBytes.write(dir.resolve("ti"), IdxBytes.images(6, 2, 2));
        Path tl = IdxBytes.write(dir.resolve("tl.gz"), IdxBytes.gzip(IdxBytes.labels(0, 1, 2, 0, 1, 4)));
        Path vi = IdxBytes.write(dir.resolve("vi"), IdxBytes.images(2, 2, 2));
        Path vl = IdxBytes.write(dir.resolve("vl"), IdxBytes.labels(3, 1));
        DataSplit s = DataSourceRegistry.create(config("source", "idx", "train-images", ti.toString(), "train-labels",
                tl.toString(), "test-images", vi.toString(), "test-labels", vl.toString(), "flatten", false));
        assertArrayEquals(new int[] {6, 1, 2, 2}, s.train().x().shape());
        assertEquals(5, s.train().classes(), "largest label of either file + 1");
        assertEquals(IdxBytes.pixel(1, 1, 0) / 255f, (float) s.train().x().get(1, 0, 1, 0), "ubyte is normalised");
        assertArrayEquals(new int[] {3, 1}, Labels.of(s.test().t()));

        OptionException half = assertThrows(OptionException.class, () -> DataSourceRegistry.create(config("source",
                "idx", "train-images", ti.toString(), "train-labels", tl.toString(), "test-images", vi.toString())));
        assertEquals("test-labels", half.path());

        DataSplit heldOut = DataSourceRegistry.create(config("source", "idx", "train-images", ti.toString(),
                "train-labels", tl.toString(), "test-fraction", 0.5));
        assertEquals(3, heldOut.train().size());
        assertEquals(3, heldOut.test().size());
    }

    @Test
    void mnistSourceTakesTheBookOptions() throws IOException {
        Path d = dir.resolve("mini");
        IdxBytes.write(d.resolve(MnistKind.TRAIN_IMAGES), IdxBytes.images(3, 28, 28));
        IdxBytes.write(d.resolve(MnistKind.TRAIN_LABELS), IdxBytes.labels(7, 2, 1));
        IdxBytes.write(d.resolve(MnistKind.TEST_IMAGES + ".gz"), IdxBytes.gzip(IdxBytes.images(2, 28, 28)));
        IdxBytes.write(d.resolve(MnistKind.TEST_LABELS), IdxBytes.labels(0, 4));
        DataSplit s = DataSourceRegistry.create(config("source", "fashion-mnist", "dir", d.toString(), "verify", false,
                "normalize", false, "flatten", false, "one-hot", true));
        assertEquals("fashion-mnist/train", s.train().name());
        assertArrayEquals(new int[] {3, 1, 28, 28}, s.train().x().shape());
        assertEquals(IdxBytes.pixel(2, 27, 27), s.train().x().get(2, 0, 27, 27));
        assertArrayEquals(new int[] {7, 2, 1}, Labels.of(s.train().t()));
        assertEquals("Ankle boot", s.test().classNames().get(9));
    }
}
