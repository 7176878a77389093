package dev.dlfs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is refused before a configuration file is parsed: a folder, a file too large, bytes that are not text. */
class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aFolderIsNamedAsOne() {
        FileSystemException e = assertThrows(FileSystemException.class, () -> NetworkConfig.load(dir));
        assertEquals(dir + ": is a folder, not a YAML configuration", e.getMessage());
    }

    @Test
    void aBinaryFileIsNotTextAtTheLineAndColumnOfItsFirstBadByte() throws Exception {
        Path f = dir.resolve("net.yaml");
        byte[] head = "input: [2]\nname: né\n  x".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFF;
        Files.write(f, bytes);
        ConfigException e = assertThrows(ConfigException.class, () -> NetworkConfig.load(f));
        // line 3, after two spaces and the x; the é of line 2 is two bytes but one column
        assertEquals(3, e.line());
        assertEquals(4, e.column());
        assertEquals(f + ":3:4: not UTF-8 text (byte 0xFF at offset " + head.length + "); a configuration is a YAML"
                + " text file", e.getMessage());
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, "name: " + "a".repeat(10_000_000) + "\n");
        long start = System.nanoTime();
        ConfigException e = assertThrows(ConfigException.class, () -> NetworkConfig.load(f));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(f + ": the configuration is 10.0 MB; dlfs reads configurations of at most 256 kB (they are a few"
                + " kB)", e.getMessage());
        assertTrue(seconds < 0.5, "took " + seconds + " s");
    }

    @Test
    void theLimitHoldsForTextFromElsewhereTooAndAFileJustUnderItIsRead() throws Exception {
        String big = "name: " + "a".repeat(ConfigText.MAX_BYTES) + "\n";
        ConfigException e = assertThrows(ConfigException.class, () -> NetworkConfig.parse(big, "in checkpoint"));
        assertTrue(e.getMessage().startsWith("in checkpoint: the configuration is 257 kB;"), e.getMessage());
        Path f = dir.resolve("net.yaml");
        String ok = NetworkConfigTest.BOOK + "# " + "x".repeat(ConfigText.MAX_BYTES - NetworkConfigTest.BOOK.length()
                - 3) + "\n";
        Files.writeString(f, ok);
        assertEquals(ConfigText.MAX_BYTES, Files.size(f));
        assertEquals(784, NetworkConfig.load(f).inputShape()[0]);
    }
}
