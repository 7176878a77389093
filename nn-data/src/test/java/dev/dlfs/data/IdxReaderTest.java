package dev.dlfs.data;

import static dev.dlfs.data.MessageAssertions.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] body(Body b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        b.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private IdxArray readFile(String name, byte[] content) throws IOException {
        return IdxReader.read(IdxBytes.write(dir.resolve(name), content));
    }

    private static void assertValues(IdxArray a, double... expected) {
        assertEquals(expected.length, a.size());
        Tensor f64 = a.toTensor(DType.FLOAT64);
        Tensor f32 = a.toTensor(DType.FLOAT32);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], a.get(i), "element " + i);
            assertEquals(expected[i], f64.getFlat(i), "float64 element " + i);
            assertEquals((float) expected[i], (float) f32.getFlat(i), "float32 element " + i);
        }
    }

    @Test
    void readsEveryElementTypeBigEndian() throws IOException {
        int[] shape = {2, 2};
        IdxArray u = readFile("u", IdxBytes.idx(0x08, shape, new byte[] {0, 1, (byte) 128, (byte) 255}));
        assertEquals(IdxType.UBYTE, u.type());
        assertValues(u, 0, 1, 128, 255);

        IdxArray b = readFile("b", IdxBytes.idx(0x09, shape, new byte[] {(byte) 0x80, (byte) 0xFF, 0, 0x7F}));
        assertEquals(IdxType.BYTE, b.type());
        assertValues(b, -128, -1, 0, 127);

        IdxArray s = readFile("s", IdxBytes.idx(0x0B, shape, body(o -> {
            o.writeShort(-32768);
            o.writeShort(-1);
            o.writeShort(258);
            o.writeShort(32767);
        })));
        assertEquals(IdxType.SHORT, s.type());
        assertValues(s, -32768, -1, 258, 32767);

        IdxArray i = readFile("i", IdxBytes.idx(0x0C, shape, body(o -> {
            o.writeInt(Integer.MIN_VALUE);
            o.writeInt(-1);
            o.writeInt(0x01020304);
            o.writeInt(Integer.MAX_VALUE);
        })));
        assertEquals(IdxType.INT, i.type());
        assertValues(i, Integer.MIN_VALUE, -1, 0x01020304, Integer.MAX_VALUE);

        IdxArray f = readFile("f", IdxBytes.idx(0x0D, shape, body(o -> {
            o.writeFloat(-1.5f);
            o.writeFloat(0f);
            o.writeFloat(3.25f);
            o.writeFloat(Float.MAX_VALUE);
        })));
        assertEquals(IdxType.FLOAT, f.type());
        assertValues(f, -1.5, 0, 3.25, Float.MAX_VALUE);

        IdxArray d = readFile("d", IdxBytes.idx(0x0E, shape, body(o -> {
            o.writeDouble(-2.5);
            o.writeDouble(0);
            o.writeDouble(1e300);
            o.writeDouble(Math.PI);
        })));
        assertEquals(IdxType.DOUBLE, d.type());
        assertValues(d, -2.5, 0, 1e300, Math.PI);
    }

    @Test
    void keepsAnyRank() throws IOException {
        for (int[] shape : new int[][] {{6}, {2, 3}, {1, 2, 3}, {1, 1, 2, 3}, {1, 1, 1, 1, 6}}) {
            IdxArray a = readFile("r" + shape.length, IdxBytes.ubyte(shape, 1, 2, 3, 4, 5, 6));
            assertArrayEquals(shape, a.shape());
            assertArrayEquals(shape, a.toTensor(DType.FLOAT32).shape());
            assertValues(a, 1, 2, 3, 4, 5, 6);
        }
    }

    @Test
    void detectsGzipByMagicBytesNotByName() throws IOException {
        byte[] raw = IdxBytes.ubyte(new int[] {3}, 7, 8, 9);
        IdxArray gzNamedPlain = readFile("labels.idx", IdxBytes.gzip(raw));
        IdxArray plainNamedGz = readFile("labels.idx.gz", raw);
        assertValues(gzNamedPlain, 7, 8, 9);
        assertValues(plainNamedGz, 7, 8, 9);
    }

    @Test
    void normalisesLikeNumpyFloat32AndFloat64() throws IOException {
        int[] v = new int[256];
        Arrays.setAll(v, i -> i);
        IdxArray a = readFile("all", IdxBytes.ubyte(new int[] {256}, v));
        Tensor f32 = a.toTensor(DType.FLOAT32, 255.0);
        Tensor f64 = a.toTensor(DType.FLOAT64, 255.0);
        for (int i = 0; i < 256; i++) {
            assertEquals((float) i / 255f, (float) f32.getFlat(i));
            assertEquals(i / 255.0, f64.getFlat(i));
        }
        assertEquals(0.0, f32.getFlat(0));
        assertEquals(1.0, f32.getFlat(255));
    }

    @Test
    void sha256IsThatOfTheUncompressedFile() throws IOException {
        byte[] raw = IdxBytes.images(3, 4, 5);
        assertEquals(IdxBytes.sha256(raw), readFile("plain", raw).sha256());
        assertEquals(IdxBytes.sha256(raw), readFile("packed", IdxBytes.gzip(raw)).sha256());
    }

    private MalformedDataException refused(String name, byte[] content) throws IOException {
        Path file = IdxBytes.write(dir.resolve(name), content);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertEquals(file.toString(), e.source());
        return e;
    }

    @Test
    void badMagicShowsTheBytesFound() throws IOException {
        assertMentions(refused("zip", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0}),
                "bad magic", "50 4b 03 04");
        assertMentions(refused("text", "label,x\n1,2\n".getBytes()), "bad magic", "6c 61 62 65");
    }

    @Test
    void unknownTypeCodeIsNamed() throws IOException {
        assertMentions(refused("t", IdxBytes.idx(0x0A, new int[] {1}, new byte[] {1})),
                "unknown IDX type code 0x0A", "0x08 unsigned byte");
    }

    @Test
    void truncatedDataGivesExpectedAndActualLength() throws IOException {
        byte[] full = IdxBytes.ubyte(new int[] {3, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        byte[] cut = Arrays.copyOf(full, full.length - 2);
        assertMentions(refused("cut", cut), "truncated data", "(3, 2, 2)", "12 bytes", "found 10");
        assertMentions(refused("cut.gz", IdxBytes.gzip(cut)), "truncated data", "12 bytes", "found 10");
    }

    @Test
    void aLyingHeaderOnATinyFileIsTruncationNotAnAllocation() throws IOException {
        assertMentions(refused("liar", IdxBytes.idx(0x0D, new int[] {500_000_000}, new byte[8])),
                "truncated data", "2000000000 bytes", "found 8");
    }

    @Test
    void aShapeBeyondAJavaArrayIsRefusedWhole() throws IOException {
        // 60000 × 28 × 28 × 100 doubles: 4.7e9 elements, 3.8e10 bytes.
        assertMentions(refused("huge", IdxBytes.idx(0x0E, new int[] {60000, 28, 28, 100}, new byte[0])),
                "shape (60000, 28, 28, 100) of double (0x0E) is larger than a Java array holds");
        // 65536⁴ wraps a long product to 0, which the empty data would match.
        assertMentions(refused("wraps", IdxBytes.idx(0x08, new int[] {65536, 65536, 65536, 65536}, new byte[0])),
                "shape (65536, 65536, 65536, 65536) of unsigned byte (0x08) is larger than a Java array holds");
    }

    @Test
    void noSamplesMayClaimAnySampleSizeButNotBeFlattenedToIt() throws IOException {
        IdxArray images = readFile("no-images", IdxBytes.idx(0x08, new int[] {0, 70000, 70000}, new byte[0]));
        IdxArray labels = readFile("no-labels", IdxBytes.idx(0x08, new int[] {0}, new byte[0]));
        assertArrayEquals(new int[] {0, 70000, 70000}, images.toTensor(DType.FLOAT32).shape());
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> ImageLabels.dataset("none", images, labels, ImageFormat.BOOK, 10, List.of()));
        assertMentions(e, images.source(), "cannot flatten", "shape (70000, 70000) has 4900000000 elements");
    }

    @Test
    void extraBytesAfterTheDataAreRefused() throws IOException {
        byte[] full = IdxBytes.ubyte(new int[] {2}, 1, 2);
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        assertMentions(refused("long", longer), "3 unexpected byte(s)", "2 bytes", "found 5");
    }

    @Test
    void shortOrEmptyHeadersAreRefused() throws IOException {
        assertMentions(refused("empty", new byte[0]), "too short", "0 byte(s)");
        assertMentions(refused("two", new byte[] {0, 0}), "too short", "2 byte(s)");
        assertMentions(refused("dims", new byte[] {0, 0, 8, 3, 0, 0, 0, 1}), "truncated header", "needs 12",
                "found 4");
        assertMentions(refused("rank0", new byte[] {0, 0, 8, 0}), "rank 0");
    }

    @Test
    void corruptGzipIsNamed() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(20, 5, 5));
        assertMentions(refused("broken.gz", Arrays.copyOf(gz, gz.length / 2)), "corrupt gzip");
    }

    @Test
    void labelsMustBeIntegersOfRankOneInRange() throws IOException {
        IdxArray labels = readFile("labels", IdxBytes.labels(3, 9, 10, 1));
        assertArrayEquals(new int[] {3, 9, 10, 1}, labels.toLabels(0));
        assertArrayEquals(new int[] {3, 9, 10, 1}, labels.toLabels(11));
        MalformedDataException range = assertThrows(MalformedDataException.class, () -> labels.toLabels(10));
        assertMentions(range, labels.source(), "label 10 at index 2", "[0, 10)");

        IdxArray negative = readFile("neg", IdxBytes.idx(0x09, new int[] {2}, new byte[] {0, -1}));
        assertMentions(assertThrows(MalformedDataException.class, () -> negative.toLabels(0)), "label -1 at index 1");

        IdxArray floats = readFile("floats", IdxBytes.idx(0x0D, new int[] {1}, new byte[4]));
        assertMentions(assertThrows(MalformedDataException.class, () -> floats.toLabels(10)), "integer type");

        IdxArray matrix = readFile("matrix", IdxBytes.ubyte(new int[] {1, 2}, 0, 1));
        assertMentions(assertThrows(MalformedDataException.class, () -> matrix.toLabels(10)), "rank 1", "(1, 2)");
    }

    @Test
    void readsFromAStreamToo() throws IOException {
        byte[] raw = IdxBytes.labels(4, 2);
        IdxArray a = IdxReader.read("memory", new java.io.ByteArrayInputStream(IdxBytes.gzip(raw)));
        assertEquals("memory", a.source());
        assertValues(a, 4, 2);
    }
}
