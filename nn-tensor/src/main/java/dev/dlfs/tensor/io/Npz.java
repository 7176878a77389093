package dev.dlfs.tensor.io;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} archives ({@code np.savez}, {@code np.savez_compressed}): a ZIP file with one {@code .npy}
 * member per array, {@code W1.npy} holding the array named {@code W1}. Members may be stored or deflated.
 *
 * <pre>{@code
 * Map<String, Tensor> params = Npz.read(Path.of("sample_weight.npz"));   // W1, b1, W2, … in member order
 * Npz.write(Path.of("checkpoint.npz"), params);
 * }</pre>
 */
public final class Npz {
    private static final String SUFFIX = ".npy";
    /** A fixed member time, so that the same arrays always give the same file. */
    private static final LocalDateTime MEMBER_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /** Every array in {@code path} as a tensor of its natural dtype, in member order. */
    public static Map<String, Tensor> read(Path path) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : readArrays(path).entrySet()) {
            out.put(e.getKey(), toTensor(path, e.getKey(), e.getValue(), null));
        }
        return out;
    }

    /** Every array in {@code path} converted to {@code dtype}, in member order. */
    public static Map<String, Tensor> read(Path path, DType dtype) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : readArrays(path).entrySet()) {
            out.put(e.getKey(), toTensor(path, e.getKey(), e.getValue(), dtype));
        }
        return out;
    }

    private static Tensor toTensor(Path path, String name, NpyArray a, DType dtype) throws NpyFormatException {
        try {
            return dtype == null ? a.toTensor() : a.toTensor(dtype);
        } catch (IllegalStateException e) {
            throw new NpyFormatException(path + " member '" + name + SUFFIX + "': " + e.getMessage(), e);
        }
    }

    /** Every array in {@code path} with its own element type, by name (member name without {@code .npy}). */
    public static Map<String, NpyArray> readArrays(Path path) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        ReadableFile.size(path, "an .npz archive");
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new NpyFormatException(path + ": not a readable .npz (ZIP) archive: " + e.getMessage(), e);
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String member = entry.getName();
                String source = path + " member '" + member + "'";
                if (!member.endsWith(SUFFIX)) {
                    throw new NpyFormatException(source + ": not a .npy member; an .npz holds only NAME.npy files");
                }
                String name = member.substring(0, member.length() - SUFFIX.length());
                if (out.containsKey(name)) {
                    throw new NpyFormatException(source + ": duplicate member; the archive holds it twice");
                }
                out.put(name, Npy.decode(readMember(zip, entry, source), source));
            }
        } catch (ZipException e) {
            throw new NpyFormatException(path + ": corrupt .npz (ZIP) archive: " + e.getMessage(), e);
        }
        return out;
    }

    private static byte[] readMember(ZipFile zip, ZipEntry entry, String source) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw new NpyFormatException(source + ": cannot be read: " + e.getMessage(), e);
        }
        if (entry.getSize() >= 0 && entry.getSize() != bytes.length) {
            throw new NpyFormatException(source + ": truncated: the archive lists " + entry.getSize()
                    + " bytes, " + bytes.length + " could be read");
        }
        // Stored members are not checked by ZipFile; a flipped bit must not become a wrong weight.
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
            throw new NpyFormatException(source + ": corrupt: CRC-32 is " + Long.toHexString(crc.getValue())
                    + ", the archive lists " + Long.toHexString(entry.getCrc()));
        }
        return bytes;
    }

    /** Writes {@code arrays} to {@code path} atomically, members stored uncompressed (like {@code np.savez}). */
    public static void write(Path path, Map<String, Tensor> arrays) throws IOException {
        writeArrays(path, toArrays(arrays), false);
    }

    /** Writes {@code arrays} to {@code path} atomically, members deflated (like {@code np.savez_compressed}). */
    public static void writeCompressed(Path path, Map<String, Tensor> arrays) throws IOException {
        writeArrays(path, toArrays(arrays), true);
    }

    private static Map<String, NpyArray> toArrays(Map<String, Tensor> tensors) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, NpyArray.of(t)));
        return out;
    }

    /** Writes arrays of any element type to {@code path} atomically, in the map's order. */
    public static void writeArrays(Path path, Map<String, NpyArray> arrays, boolean compressed) throws IOException {
        for (String name : arrays.keySet()) {
            if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("Npz.write " + path + ": bad array name '" + name
                        + "'; names must be non-empty");
            }
        }
        AtomicFile.write(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                byte[] header = Npy.header(e.getValue());
                byte[] data = e.getValue().data();
                ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
                entry.setTimeLocal(MEMBER_TIME);
                if (compressed) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    // A stored member's size and CRC go in its local header, before the data.
                    CRC32 crc = new CRC32();
                    crc.update(header);
                    crc.update(data);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize((long) header.length + data.length);
                    entry.setCompressedSize((long) header.length + data.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(header);
                zip.write(data);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
