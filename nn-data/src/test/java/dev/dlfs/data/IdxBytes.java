package dev.dlfs.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files byte by byte for tests, straight from the format's description (not through the reader). */
final class IdxBytes {
    private IdxBytes() {
    }

    /** Header {@code 00 00 type rank dims…} followed by {@code body}. */
    static byte[] idx(int typeCode, int[] shape, byte[] body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(typeCode);
            out.writeByte(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            out.write(body);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unsigned-byte IDX file of the given shape and values. */
    static byte[] ubyte(int[] shape, int... values) {
        byte[] body = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            body[i] = (byte) values[i];
        }
        return idx(0x08, shape, body);
    }

    /** MNIST-style images: {@code n} images of {@code h×w}, pixel {@code (i, r, c) = (7i + 3r + c) mod 256}. */
    static byte[] images(int n, int h, int w) {
        int[] v = new int[n * h * w];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    v[(i * h + r) * w + c] = pixel(i, r, c);
                }
            }
        }
        return ubyte(new int[] {n, h, w}, v);
    }

    static int pixel(int i, int r, int c) {
        return (7 * i + 3 * r + c) % 256;
    }

    static byte[] labels(int... labels) {
        return ubyte(new int[] {labels.length}, labels);
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(raw);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
