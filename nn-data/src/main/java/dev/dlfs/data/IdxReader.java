package dev.dlfs.data;

import com.google.common.io.ByteStreams;
import com.google.common.math.LongMath;
import dev.dlfs.tensor.Shapes;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST: two zero bytes, a type code ({@link IdxType}), the rank, one big-endian
 * 32-bit length per axis, then the elements, big-endian, row-major. Gzip-compressed files are recognised by their
 * magic bytes, whatever their name.
 *
 * <pre>{@code
 * IdxArray images = IdxReader.read(Path.of("train-images-idx3-ubyte.gz"));   // unsigned byte (60000, 28, 28)
 * Tensor x = images.toTensor(DType.FLOAT32, 255.0);                          // pixels in [0, 1]
 * }</pre>
 * Every malformed file is refused with a {@link MalformedDataException} naming the file and the fault; a file is
 * either read whole or not at all.
 */
public final class IdxReader {
    private static final int BUFFER = 1 << 16;
    private static final int GUESS = 1 << 22;
    private static final int CHUNK = 1 << 20;

    private IdxReader() {
    }

    /** Reads one IDX file, raw or gzip-compressed. */
    public static IdxArray read(Path file) throws IOException {
        // For a raw file its size bounds the data, so a lying header cannot make us allocate gigabytes.
        long available = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, available);
        }
    }

    /** Reads one IDX file from a stream (raw or gzip-compressed); {@code source} names it in messages. */
    public static IdxArray read(String source, InputStream in) throws IOException {
        return read(source, in, -1);
    }

    private static IdxArray read(String source, InputStream raw, long rawLength) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream in;
        long available;
        if (gzip) {
            in = new GZIPInputStream(buffered, BUFFER);
            available = -1;
        } else {
            in = buffered;
            available = rawLength;
        }
        try {
            return parse(source, in, available);
        } catch (EOFException | ZipException e) {
            throw new MalformedDataException(source, "corrupt gzip data: " + e.getMessage());
        }
    }

    private static IdxArray parse(String source, InputStream in, long available) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new MalformedDataException(source, "too short for an IDX header: " + magic.length
                    + " byte(s), the magic number alone needs 4");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new MalformedDataException(source, "bad magic number: found bytes "
                    + HexFormat.ofDelimiter(" ").formatHex(magic)
                    + ", an IDX file starts with 00 00 <type code> <rank>");
        }
        IdxType type = IdxType.ofCode(magic[2] & 0xFF);
        if (type == null) {
            throw new MalformedDataException(source, String.format("unknown IDX type code 0x%02X; known codes: "
                    + "0x08 unsigned byte, 0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double",
                    magic[2] & 0xFF));
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw new MalformedDataException(source, "rank 0: an IDX data set needs at least one dimension");
        }
        byte[] dims = in.readNBytes(4 * rank);
        if (dims.length < 4 * rank) {
            throw new MalformedDataException(source, "truncated header: rank " + rank + " needs " + 4 * rank
                    + " bytes of dimensions, found " + dims.length);
        }
        int[] shape = new int[rank];
        ByteBuffer lengths = ByteBuffer.wrap(dims);   // big-endian, like every IDX number
        for (int a = 0; a < rank; a++) {
            long d = Integer.toUnsignedLong(lengths.getInt(4 * a));
            if (d > Integer.MAX_VALUE) {
                throw new MalformedDataException(source, "dimension " + a + " is " + d + ", too large");
            }
            shape[a] = (int) d;
        }
        long expected = LongMath.saturatedMultiply(Shapes.elements(shape), type.bytes());
        if (expected > Shapes.MAX_ARRAY_LENGTH) {
            throw new MalformedDataException(source, "shape " + Shapes.format(shape) + " of " + type
                    + " is larger than a Java array holds");
        }
        long headerLength = 4 + 4L * rank;
        byte[] data = readData(in, expected, available < 0 ? GUESS : available - headerLength + 1);
        if (data.length < expected) {
            throw new MalformedDataException(source, "truncated data: the header promises " + Shapes.format(shape)
                    + " of " + type + " = " + expected + " bytes after the " + headerLength + "-byte header, found "
                    + data.length);
        }
        long extra = ByteStreams.exhaust(in);
        if (extra > 0) {
            throw new MalformedDataException(source, extra + " unexpected byte(s) after the data: the header promises "
                    + Shapes.format(shape) + " of " + type + " = " + expected + " bytes, found " + (expected + extra));
        }
        return new IdxArray(source, type, shape, data);
    }

    /**
     * Reads up to {@code expected} bytes into one array, read straight into place (no chunk lists), growing from
     * {@code guess} only when the stream really holds more; returns a shorter array if the stream ends early.
     */
    private static byte[] readData(InputStream in, long expected, long guess) throws IOException {
        byte[] buf = new byte[(int) Math.max(0, Math.min(expected, guess))];
        int n = readFully(in, buf, 0);
        while (n == buf.length && n < expected) {
            buf = Arrays.copyOf(buf, (int) Math.min(expected, Math.max(2L * buf.length, 1024)));
            n = readFully(in, buf, n);
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    /**
     * Fills {@code buf} from {@code from} on, or up to the end of the stream; returns the new fill level. Reads at
     * most {@link #CHUNK} bytes a call: a file channel copies each read through a temporary native buffer of the
     * read's size, and one of 47 MB (MNIST's training images) costs ten times the copy itself.
     */
    private static int readFully(InputStream in, byte[] buf, int from) throws IOException {
        int n = from;
        while (n < buf.length) {
            int got = in.readNBytes(buf, n, Math.min(CHUNK, buf.length - n));
            if (got == 0) {
                break;
            }
            n += got;
        }
        return n;
    }
}
