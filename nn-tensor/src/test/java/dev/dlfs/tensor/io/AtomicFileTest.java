package dev.dlfs.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theCheckSeesTheWrittenBytesBeforeTheyReplaceTheTarget() throws IOException {
        Path target = dir.resolve("data.bin");
        Files.writeString(target, "old");
        byte[][] seen = new byte[1][];
        AtomicFile.write(target, out -> out.write("new content".getBytes(StandardCharsets.UTF_8)), written -> {
            seen[0] = Files.readAllBytes(written);
            assertEquals("old", Files.readString(target), "the target is replaced only after the check");
        });
        assertArrayEquals("new content".getBytes(StandardCharsets.UTF_8), seen[0]);
        assertEquals("new content", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aRefusingCheckLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("data.bin");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target,
                out -> out.write(new byte[100]), written -> {
                    throw new IOException("SHA-256 mismatch in " + Files.size(written) + " bytes");
                }));
        assertEquals("SHA-256 mismatch in 100 bytes", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void textIsWrittenInUtf8WithTheUsualPermissions() throws IOException {
        Path target = dir.resolve("config.yaml");
        AtomicFile.writeString(target, "name: 深度学习\n");
        assertEquals("name: 深度学习\n", Files.readString(target, StandardCharsets.UTF_8));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            // As readable as a file written the ordinary way (not a private temporary file's 0600).
            Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
            assertEquals(expected, Files.getPosixFilePermissions(target));
        }
    }

    @Test
    void theContentsOwnFailureIsPassedOnAsItIsAndLeavesNothing() throws IOException {
        Path target = dir.resolve("download.gz");
        IOException own = new IOException("truncated: the connection broke off after 10 of 20 bytes");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[10]);
            throw own;
        }));
        // Not relabelled as a failure to write the target: the disk was fine.
        assertEquals(own, e);
        assertEquals(List.of(), files());
    }
}
