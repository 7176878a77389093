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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading .npy files built by hand: other versions, byte orders, Fortran order and integer types. */
class NpyReadTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    private NpyArray read(byte[] bytes) throws Exception {
        return Npy.readArray(Fixtures.write(dir, "x.npy", bytes));
    }

    @Test
    void bigEndianFloat64() throws Exception {
        byte[] data = {0x3F, (byte) 0xF8, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 0x02, 0, 0, 0, 0, 0, 0}; // 1.5, -2.25
        NpyArray a = read(npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }\n", data));
        assertEquals(">f8", a.descr());
        assertEquals(Tensor.of(new double[] {1.5, -2.25}), a.toTensor());
    }

    @Test
    void bigEndianFloat32Matrix() throws Exception {
        byte[] data = values(BE, 4, true, 1, 2, 3, 4, 5, 6);
        Tensor t = read(npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }\n", data)).toTensor();
        assertEquals(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), t);
    }

    @Test
    void version2And3Headers() throws Exception {
        byte[] data = values(LE, 4, true, 0.5, -1, 8);
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }   \n";
        Tensor expected = Tensor.of(new float[] {0.5f, -1, 8});
        assertEquals(expected, read(npy(2, header, data)).toTensor());
        assertEquals(expected, read(npy(3, header, data)).toTensor());
    }

    @Test
    void pythonTwoStyleHeader() throws Exception {
        // Keys in another order, double quotes, long-integer suffixes, no trailing comma, no padding.
        byte[] data = values(LE, 8, true, 1, 2, 3, 4);
        String header = "{\"shape\": (2L, 2L), \"fortran_order\": False, \"descr\": \"<f8\"}\n";
        assertEquals(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2), read(npy(1, header, data)).toTensor());
    }

    @Test
    void fortranOrderIsReorderedToC() throws Exception {
        // The 2x3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column.
        byte[] data = values(LE, 4, true, 1, 4, 2, 5, 3, 6);
        Tensor t = read(npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }\n", data)).toTensor();
        assertEquals(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), t);
        // Rank 3, shape (2, 3, 2): column-major element (i, j, k) sits at i + 2j + 6k.
        double[] fortran = new double[12];
        double[] c = new double[12];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    double v = 100 * i + 10 * j + k;
                    fortran[i + 2 * j + 6 * k] = v;
                    c[6 * i + 2 * j + k] = v;
                }
            }
        }
        Tensor t3 = read(npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3, 2), }\n",
                values(LE, 8, true, fortran))).toTensor();
        assertEquals(Tensor.of(c, 2, 3, 2), t3);
    }

    @Test
    void uint8AsIntsAndFloats() throws Exception {
        byte[] data = {0, 7, (byte) 200, (byte) 255};
        NpyArray a = read(npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (4,), }\n", data));
        assertEquals(NpyType.UINT8, a.type());
        assertArrayEquals(new int[] {0, 7, 200, 255}, a.toIntArray());
        assertEquals(Tensor.of(new float[] {0, 7, 200, 255}), a.toTensor());
        assertEquals(255L, a.getLong(3));
    }

    @Test
    void otherIntegerAndBoolTypes() throws Exception {
        assertInts("<i4", values(LE, 4, false, -5, 70000, 0), -5, 70000, 0);
        assertInts(">i2", values(BE, 2, false, -300, 300), -300, 300);
        assertInts(">u2", values(BE, 2, false, 65535, 1), 65535, 1);
        assertInts("<i8", values(LE, 8, false, -1, 1L << 40), -1, 1L << 40);
        assertInts("|i1", new byte[] {-128, 127}, -128, 127);
        assertInts("|b1", new byte[] {0, 1, 1}, 0, 1, 1);
        assertInts("<u4", values(LE, 4, false, 4_000_000_000L), 4_000_000_000L);
    }

    private void assertInts(String descr, byte[] data, long... expected) throws Exception {
        NpyArray a = read(npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + expected.length + ",), }\n", data));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], a.getLong(i), descr + " element " + i);
            assertEquals((double) expected[i], a.toTensor(DType.FLOAT64).getFlat(i), descr + " element " + i);
        }
    }

    @Test
    void float16() throws Exception {
        byte[] data = {0x00, 0x3C, 0x00, (byte) 0xC0, 0x00, 0x35}; // 1.0, -2.0, 0.3125 little-endian halves
        Tensor t = read(npy(1, "{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }\n", data)).toTensor();
        assertEquals(Tensor.of(new float[] {1, -2, 0.3125f}), t);
    }

    @Test
    void integersThatAFloatCannotHoldAreRefused() throws Exception {
        NpyArray a = read(npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }\n",
                values(LE, 8, false, 3, (1L << 24) + 1)));
        String msg = assertThrows(IllegalStateException.class, () -> a.toTensor(DType.FLOAT32)).getMessage();
        assertTrue(msg.contains("element 1") && msg.contains("16777217") && msg.contains("float32"), msg);
        assertEquals(16777217.0, a.toTensor(DType.FLOAT64).getFlat(1));
        NpyArray big = NpyArray.of(NpyType.INT64, LE, new int[] {1}, values(LE, 8, false, (1L << 60) + 1));
        assertThrows(IllegalStateException.class, big::toTensor);
        assertThrows(IllegalStateException.class, big::toIntArray);
    }

    @Test
    void floatsAreNotIntegers() throws Exception {
        NpyArray a = NpyArray.of(Tensor.of(new float[] {1.5f}));
        assertTrue(assertThrows(IllegalStateException.class, a::toIntArray).getMessage().contains("<f4"));
    }

    @Test
    void integerArraysRoundTrip() throws Exception {
        NpyArray a = NpyArray.of(NpyType.UINT8, LE, new int[] {2, 2}, new byte[] {1, 2, 3, (byte) 250});
        Path p = dir.resolve("u.npy");
        Npy.write(p, a);
        NpyArray back = Npy.readArray(p);
        assertEquals(a, back);
        assertEquals("|u1", back.descr());
    }
}
