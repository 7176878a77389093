package dev.dlfs.tensor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadableFileTest {
    @TempDir
    Path dir;

    @Test
    void aFileGivesItsSize() throws IOException {
        Path f = dir.resolve("a.npz");
        Files.write(f, new byte[1234]);
        assertEquals(1234, ReadableFile.size(f, "an .npz archive"));
    }

    @Test
    void aFolderIsNamedAndSaidToBeOne() {
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> ReadableFile.size(dir, "a YAML configuration"));
        assertEquals(dir.toString(), e.getFile());
        assertEquals("is a folder, not a YAML configuration", e.getReason());
    }

    @Test
    void aMissingFileIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> ReadableFile.size(dir.resolve("nope.npz"), "an .npz archive"));
        assertEquals(dir.resolve("nope.npz").toString(), e.getFile());
    }

    @Test
    void npzNamesAFolderGivenAsAnArchive() {
        FileSystemException e = assertThrows(FileSystemException.class, () -> Npz.readArrays(dir));
        assertEquals("is a folder, not an .npz archive", e.getReason());
    }
}
