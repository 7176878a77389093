package dev.dlfs.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tensors written as .npy read back bit for bit, with the header NumPy writes. */
class NpyRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> shapes() {
        int[][] shapes = {{}, {5}, {3, 4}, {2, 3, 4}, {2, 1, 3, 2}, {0, 3}};
        return Stream.of(DType.values()).flatMap(d -> Arrays.stream(shapes).map(s -> Arguments.of(d, s)));
    }

    /** Random values plus the ones a careless encoder breaks: NaN, infinities, -0.0, subnormals. */
    static Tensor sample(DType dtype, int... shape) {
        Tensor t = Tensor.zeros(dtype, shape);
        SplittableRandom rng = new SplittableRandom(shape.length * 31L + dtype.ordinal());
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-40, 4.9e-324};
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, i < special.length ? special[i] : rng.nextGaussian() * 100);
        }
        return t;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shapes")
    void roundTripIsBitwise(DType dtype, int[] shape) throws Exception {
        Tensor t = sample(dtype, shape);
        Path p = dir.resolve("t.npy");
        Npy.write(p, t);
        Tensor back = Npy.read(p);
        assertEquals(t, back);
        assertArrayEquals(shape, back.shape());
        byte[] bytes = Files.readAllBytes(p);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        assertEquals(0, (10 + headerLength) % 64, "data starts at a multiple of 64");
        assertEquals(10 + headerLength + t.size() * dtype.bytes(), bytes.length);
        assertEquals('\n', bytes[9 + headerLength]);
    }

    @Test
    void viewsWriteOnlyTheirOwnElements() throws Exception {
        Tensor big = sample(DType.FLOAT32, 4, 6);
        Tensor row = big.row(2);
        Npy.write(dir.resolve("row.npy"), row);
        assertEquals(row.copy(), Npy.read(dir.resolve("row.npy")));
    }

    /** The header as numpy.save (NumPy 1.24) writes it for these shapes: same keys, spacing and padding. */
    @Test
    void headerIsTheOneNumPyWrites() throws Exception {
        assertHeader(Tensor.zeros(DType.FLOAT32, 784, 50),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (784, 50), }" + " ".repeat(55) + "\n");
        assertHeader(Tensor.zeros(DType.FLOAT64),
                "{'descr': '<f8', 'fortran_order': False, 'shape': (), }" + " ".repeat(62) + "\n");
        assertHeader(Tensor.zeros(DType.FLOAT32, 3),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }" + " ".repeat(60) + "\n");
        assertHeader(Tensor.zeros(DType.FLOAT64, 2, 3, 4, 5),
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3, 4, 5), }" + " ".repeat(52) + "\n");
    }

    private void assertHeader(Tensor t, String expected) throws Exception {
        Path p = dir.resolve("h.npy");
        Npy.write(p, t);
        byte[] bytes = Files.readAllBytes(p);
        assertEquals(expected.length(), (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        assertEquals(expected, new String(bytes, 10, expected.length(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void readAsAnotherDtypeConverts() throws Exception {
        Path p = dir.resolve("d.npy");
        Npy.write(p, Tensor.of(new double[] {0.1, -2.5, 1e300}));
        Tensor f = Npy.read(p, DType.FLOAT32);
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals((float) 0.1, (float) f.getFlat(0));
        assertEquals(-2.5, f.getFlat(1));
        assertEquals(Double.POSITIVE_INFINITY, f.getFlat(2));
    }

    @Test
    void writingReplacesAnOldFileAndLeavesNoTemporaryFiles() throws Exception {
        Path p = dir.resolve("w.npy");
        Npy.write(p, Tensor.ones(DType.FLOAT32, 100));
        Npy.write(p, Tensor.of(new float[] {7}));
        assertEquals(Tensor.of(new float[] {7}), Npy.read(p));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(p), files.toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws Exception {
        Path p = dir.resolve("keep.npy");
        Npy.write(p, Tensor.of(new float[] {1, 2}));
        byte[] before = Files.readAllBytes(p);
        RuntimeException boom = new IllegalStateException("disk on fire");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AtomicFile.write(p, out -> {
                    out.write(new byte[1000]);
                    throw boom;
                }));
        assertEquals(boom, e);
        assertArrayEquals(before, Files.readAllBytes(p));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.allMatch(p::equals), "temporary file left behind");
        }
    }
}
