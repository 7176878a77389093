package dev.dlfs.tensor.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Hand-built .npy and .npz bytes, laid out from the format descriptions rather than by the code under test. */
final class Fixtures {
    private Fixtures() {
    }

    /** A .npy file: magic, version major.0, header length (u16 LE for 1, u32 LE for 2 and 3), header, data. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    /** Bytes of the given values, in the given order and width (1, 2, 4 or 8 bytes; floats when {@code floats}). */
    static byte[] values(ByteOrder order, int width, boolean floats, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * width).order(order);
        for (double v : values) {
            switch (width) {
                case 1 -> b.put((byte) (long) v);
                case 2 -> b.putShort((short) (long) v);
                case 4 -> {
                    if (floats) {
                        b.putFloat((float) v);
                    } else {
                        b.putInt((int) (long) v);
                    }
                }
                default -> {
                    if (floats) {
                        b.putDouble(v);
                    } else {
                        b.putLong((long) v);
                    }
                }
            }
        }
        return b.array();
    }

    static Path write(Path dir, String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /**
     * A ZIP archive of stored members, written byte by byte as Python's zipfile writes {@code np.savez} archives:
     * local file headers with sizes and CRC, the central directory, the end-of-central-directory record.
     */
    static byte[] zip(Object... namesAndContents) {
        ByteArrayOutputStream local = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = namesAndContents.length / 2;
        for (int i = 0; i < count; i++) {
            byte[] name = ((String) namesAndContents[2 * i]).getBytes(StandardCharsets.UTF_8);
            byte[] content = (byte[]) namesAndContents[2 * i + 1];
            CRC32 crc = new CRC32();
            crc.update(content);
            int offset = local.size();
            ByteBuffer h = le(30 + name.length);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21) // 1980-01-01 00:00
                    .putInt((int) crc.getValue()).putInt(content.length).putInt(content.length)
                    .putShort((short) name.length).putShort((short) 0).put(name);
            local.writeBytes(h.array());
            local.writeBytes(content);
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                    .putInt(content.length).putInt(content.length).putShort((short) name.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(0).putInt(offset).put(name);
            central.writeBytes(c.array());
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count)
                .putShort((short) count).putInt(central.size()).putInt(local.size()).putShort((short) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(local.toByteArray());
        out.writeBytes(central.toByteArray());
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
