package dev.dlfs.model;

import dev.dlfs.tensor.io.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A configuration's text, checked before any YAML is parsed: at most {@link #MAX_BYTES} (the YAML parser would spend
 * half a minute and a gigabyte on a 10 MB scalar), and UTF-8 text (a binary file given by mistake is named with the
 * line and column of its first non-text byte).
 */
final class ConfigText {
    /**
     * The largest configuration read: a hundred times the largest example, and small enough that the YAML parser
     * takes a fraction of a second even if it is all one scalar (1 MB takes it 2.5 s and half a gigabyte).
     */
    static final int MAX_BYTES = 256 << 10;

    private ConfigText() {
    }

    /** The text of the configuration file {@code file}, refused before reading if it is too large. */
    static String read(Path file) throws IOException {
        long size = ReadableFile.size(file, "a YAML configuration");
        requireSmall(size, file.toString());
        byte[] bytes = Files.readAllBytes(file);
        requireSmall(bytes.length, file.toString()); // it may have grown since
        return decode(bytes, file.toString());
    }

    /** Refuses a configuration of {@code length} bytes or characters above the limit. */
    static void requireSmall(long length, String file) {
        if (length > MAX_BYTES) {
            String size = length >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", length / 1e6)
                    : String.format(Locale.ROOT, "%d kB", (length + 1023) >> 10);
            throw new ConfigException(file, 0, 0, "", "the configuration is " + size + "; dlfs reads configurations"
                    + " of at most " + (MAX_BYTES >> 10) + " kB (they are a few kB)");
        }
    }

    private static String decode(byte[] bytes, String file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.position(); i++) {
                boolean newline = out.get(i) == '\n';
                line += newline ? 1 : 0;
                column = newline ? 1 : column + 1;
            }
            throw new ConfigException(file, line, column, "", String.format(Locale.ROOT, "not UTF-8 text (byte"
                    + " 0x%02X at offset %d); a configuration is a YAML text file", bytes[in.position()] & 0xff,
                    in.position()));
        }
        return out.flip().toString();
    }
}
