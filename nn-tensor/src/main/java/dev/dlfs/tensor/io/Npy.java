package dev.dlfs.tensor.io;

import dev.dlfs.tensor.DType;
import dev.dlfs.tensor.Shapes;
import dev.dlfs.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * NumPy's {@code .npy} files: one array each. Reads format versions 1.0, 2.0 and 3.0, both byte orders, C and
 * Fortran order (Fortran-ordered data is reordered to C order on reading); writes version 1.0 (2.0 only if the
 * header needs it), little-endian, C order, with the header NumPy itself writes, so {@code numpy.load} reads the
 * files and NumPy's own files re-encode to the same bytes.
 *
 * <p>Layout: magic {@code \x93NUMPY}, major and minor version bytes, the header length (little-endian u16 in
 * version 1, u32 in 2 and 3), the header (a Python dict literal, latin-1, UTF-8 in version 3, padded with spaces
 * and a final newline so that the data starts at a multiple of 64 bytes), then the data.
 *
 * <pre>{@code
 * Npy.write(Path.of("w.npy"), w);
 * Tensor back = Npy.read(Path.of("w.npy"));
 * }</pre>
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy aligns the data to this many bytes. */
    private static final int ALIGN = 64;

    private Npy() {
    }

    /** The array in {@code path} as a tensor of its natural dtype (see {@link NpyArray#toTensor()}). */
    public static Tensor read(Path path) throws IOException {
        return read(path, null);
    }

    /** The array in {@code path} as a tensor of {@code dtype}, or its natural dtype if null (see {@link NpyArray}). */
    public static Tensor read(Path path, DType dtype) throws IOException {
        NpyArray a = readArray(path);
        try {
            return dtype == null ? a.toTensor() : a.toTensor(dtype);
        } catch (IllegalStateException e) {
            throw new NpyFormatException(path + ": " + e.getMessage(), e);
        }
    }

    /** The array in {@code path} with its own element type. */
    public static NpyArray readArray(Path path) throws IOException {
        return decode(Files.readAllBytes(path), path.toString());
    }

    /** Writes {@code t} to {@code path} atomically as {@code <f4} or {@code <f8}. */
    public static void write(Path path, Tensor t) throws IOException {
        write(path, NpyArray.of(t));
    }

    /** Writes {@code array} to {@code path} atomically. */
    public static void write(Path path, NpyArray array) throws IOException {
        AtomicFile.write(path, out -> encode(array, out));
    }

    /** Writes the whole {@code .npy} file of {@code array} to {@code out}. */
    public static void encode(NpyArray array, OutputStream out) throws IOException {
        out.write(header(array));
        out.write(array.data());
    }

    /** Magic, version, header length and padded header of {@code array}: everything before its data. */
    static byte[] header(NpyArray array) {
        String dict = new NpyHeader(array.descr(), false, array.shape()).format();
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        // As NumPy: version 1.0 unless the header length does not fit 16 bits; pad with at least one space.
        int lengthBytes = 2;
        int pad = ALIGN - (MAGIC.length + 2 + lengthBytes + text.length + 1) % ALIGN;
        if (text.length + pad + 1 > 0xFFFF) {
            lengthBytes = 4;
            pad = ALIGN - (MAGIC.length + 2 + lengthBytes + text.length + 1) % ALIGN;
        }
        int headerLength = text.length + pad + 1;
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + lengthBytes + headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (lengthBytes == 2 ? 1 : 2)).put((byte) 0);
        if (lengthBytes == 2) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(text);
        for (int i = 0; i < pad; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /**
     * The array in the bytes of a whole {@code .npy} file; {@code source} names the file (and archive member) in
     * error messages.
     */
    public static NpyArray decode(byte[] bytes, String source) throws NpyFormatException {
        if (!startsWithMagic(bytes)) {
            int n = Math.min(bytes.length, MAGIC.length + 2);
            String start = n == 0 ? "nothing (empty file)"
                    : "bytes " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, n);
            throw new NpyFormatException(source + ": not a .npy file: it starts with " + start
                    + ", expected 93 4E 55 4D 50 59 (\\x93NUMPY) and a version");
        }
        if (bytes.length < MAGIC.length + 2) {
            throw new NpyFormatException(source + ": truncated: the file ends inside the version bytes");
        }
        int major = bytes[6] & 0xFF;
        int minor = bytes[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException(source + ": unsupported .npy format version " + major + "." + minor
                    + "; this reader knows 1.0, 2.0 and 3.0");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int lengthBytes = major == 1 ? 2 : 4;
        if (bytes.length < 8 + lengthBytes) {
            throw new NpyFormatException(source + ": truncated: the file ends inside the header length");
        }
        long headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : Integer.toUnsignedLong(b.getInt(8));
        int dataStart = 8 + lengthBytes;
        if (headerLength > bytes.length - dataStart) {
            throw new NpyFormatException(source + ": truncated: the header is " + headerLength
                    + " bytes long but only " + (bytes.length - dataStart) + " bytes follow");
        }
        String text = new String(bytes, dataStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text, source);
        dataStart += (int) headerLength;

        String descr = header.descr();
        NpyType type = descr.length() < 3 ? null
                : NpyType.of(descr.charAt(1), parseSize(descr.substring(2))).orElse(null);
        char orderChar = descr.isEmpty() ? '?' : descr.charAt(0);
        boolean knownOrder = orderChar == '<' || orderChar == '>'
                || (orderChar == '|' && type != null && type.bytes() == 1);
        if (type == null || !knownOrder) {
            throw new NpyFormatException(source + ": unsupported dtype descr '" + descr + "'; supported: "
                    + "floats <f2 <f4 <f8, integers <i1…<i8 and <u1…<u8, bool |b1, each little- (<) or big-endian (>),"
                    + " one-byte types with | (native order '=' is not a file's order)");
        }
        ByteOrder order = orderChar == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long expected = (long) Shapes.size(header.shape()) * type.bytes();
        long found = bytes.length - dataStart;
        if (found != expected) {
            throw new NpyFormatException(source + ": " + (found < expected ? "truncated" : "trailing bytes")
                    + ": shape " + Shapes.format(header.shape()) + " of '" + descr + "' needs "
                    + expected + " data bytes, the file holds " + found);
        }
        byte[] data = Arrays.copyOfRange(bytes, dataStart, bytes.length);
        if (header.fortranOrder()) {
            data = FortranOrder.toC(data, header.shape(), type.bytes());
        }
        return NpyArray.of(type, order, header.shape(), data);
    }

    /** Whether the bytes there are the magic's (a file shorter than the magic must match as far as it goes). */
    private static boolean startsWithMagic(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (int i = 0; i < Math.min(MAGIC.length, bytes.length); i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int parseSize(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
