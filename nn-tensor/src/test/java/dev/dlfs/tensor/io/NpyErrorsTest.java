package dev.dlfs.tensor.io;

import static dev.dlfs.tensor.io.Fixtures.npy;
import static dev.dlfs.tensor.io.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed .npy files fail with a message that names the file and says what is wrong. */
class NpyErrorsTest {
    private static final byte[] THREE_FLOATS = values(ByteOrder.LITTLE_ENDIAN, 4, true, 1, 2, 3);

    @TempDir
    Path dir;

    private void assertFails(byte[] bytes, String... parts) throws Exception {
        Path p = Fixtures.write(dir, "bad.npy", bytes);
        String msg = assertThrows(NpyFormatException.class, () -> Npy.read(p)).getMessage();
        assertTrue(msg.startsWith(p.toString() + ": "), msg);
        for (String part : parts) {
            assertTrue(msg.contains(part), "'" + part + "' missing from: " + msg);
        }
    }

    private static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
    }

    @Test
    void badMagicShowsTheBytes() throws Exception {
        assertFails(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2}, "not a .npy file",
                "50 4B 03 04 14 00 00 00", "\\x93NUMPY");
        assertFails(new byte[0], "empty file");
    }

    @Test
    void unsupportedVersion() throws Exception {
        byte[] b = npy(1, header("<f4", "(3,)"), THREE_FLOATS);
        b[6] = 4;
        assertFails(b, "version 4.0");
        b[6] = 1;
        b[7] = 1;
        assertFails(b, "version 1.1");
    }

    @Test
    void truncatedFiles() throws Exception {
        byte[] whole = npy(1, header("<f4", "(3,)"), THREE_FLOATS);
        assertFails(Arrays.copyOf(whole, whole.length - 1), "truncated", "needs 12 data bytes", "holds 11");
        assertFails(Arrays.copyOf(whole, 30), "truncated", "header");
        assertFails(Arrays.copyOf(whole, 9), "truncated", "header length");
        assertFails(Arrays.copyOf(whole, 4), "truncated", "version");
    }

    @Test
    void shapeAndDataDisagree() throws Exception {
        assertFails(npy(1, header("<f4", "(2,)"), THREE_FLOATS), "trailing bytes", "(2,)", "needs 8", "holds 12");
        assertFails(npy(1, header("<f8", "(3,)"), THREE_FLOATS), "truncated", "'<f8'");
    }

    @Test
    void unsupportedDescr() throws Exception {
        assertFails(npy(1, header("<c8", "(1,)"), new byte[8]), "unsupported dtype descr '<c8'");
        assertFails(npy(1, header("<U3", "(1,)"), new byte[12]), "unsupported dtype descr '<U3'");
        assertFails(npy(1, header("=f4", "(3,)"), THREE_FLOATS), "'=f4'");
        assertFails(npy(1, header("|f4", "(3,)"), THREE_FLOATS), "'|f4'");
        assertFails(npy(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (3,), }\n", THREE_FLOATS),
                "structured");
    }

    @Test
    void badHeaders() throws Exception {
        assertFails(npy(1, "{'descr': '<f4', 'shape': (3,), }\n", THREE_FLOATS), "keys must be", "[descr, shape]");
        assertFails(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'x': 1}\n", THREE_FLOATS),
                "keys must be");
        assertFails(npy(1, header("<f4", "[3]"), THREE_FLOATS), "shape must be a tuple");
        assertFails(npy(1, header("<f4", "(-3,)"), THREE_FLOATS), "shape must hold integers");
        assertFails(npy(1, "{'descr': '<f4', 'fortran_order': Flase, 'shape': (3,), }\n", THREE_FLOATS),
                "bad .npy header", "unexpected 'F'");
        assertFails(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,)\n", THREE_FLOATS),
                "bad .npy header", "ends where ',' or '}' should follow");
        assertFails(npy(1, "['descr', '<f4']\n", THREE_FLOATS), "not a dict");
        assertFails(npy(1, "{'descr': '<f4', 'fortran_order': 0, 'shape': (3,), }\n", THREE_FLOATS),
                "fortran_order must be True or False");
    }

    @Test
    void aShapeBeyondAJavaArrayIsRefusedWithItsCount() throws Exception {
        assertFails(npy(1, header("<f4", "(70000, 70000)"), THREE_FLOATS),
                "shape (70000, 70000) has 4900000000 elements, more than a Java array holds");
        // 65536⁴ wraps a long product to 0, which an empty data section would match.
        assertFails(npy(1, header("<f4", "(65536, 65536, 65536, 65536)"), new byte[0]),
                "shape (65536, 65536, 65536, 65536) has at least", "more than a Java array holds");
    }

    @Test
    void aMissingFileIsNamed() {
        Path p = dir.resolve("missing.npy");
        String msg = assertThrows(java.nio.file.NoSuchFileException.class, () -> Npy.read(p)).getMessage();
        assertTrue(msg.contains("missing.npy"), msg);
    }

    @Test
    void emptyFileIsNotAnArray() throws Exception {
        Path p = dir.resolve("empty.npy");
        Files.write(p, new byte[0]);
        assertThrows(NpyFormatException.class, () -> Npy.read(p));
        assertThrows(IllegalArgumentException.class,
                () -> NpyArray.of(NpyType.FLOAT32, ByteOrder.LITTLE_ENDIAN, new int[] {2}, new byte[7]));
    }
}
