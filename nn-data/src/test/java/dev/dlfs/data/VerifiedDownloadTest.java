package dev.dlfs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.data.LocalHttpServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedDownloadTest {
    private static final String NAME = "train-labels-idx1-ubyte";
    private static final byte[] RAW = IdxBytes.labels(5, 0, 4, 1, 9, 2, 1, 3);
    private static final byte[] GZ = IdxBytes.gzip(RAW);
    private static final String SHA = IdxBytes.sha256(RAW);

    @TempDir
    Path dir;
    private LocalHttpServer server;
    private final VerifiedDownload download = VerifiedDownload.standard();

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static byte[] corrupted(byte[] b) {
        byte[] c = b.clone();
        c[c.length - 1] ^= 0x40;
        return c;
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rawFileFromTheOnlyMirrorThatHasIt() throws IOException {
        server.put("/a/" + NAME, Reply.ok(RAW));
        Path got = download.fetch(List.of(server.mirror("a")), NAME, SHA, dir);
        assertEquals(dir.resolve(NAME), got);
        assertArrayEquals(RAW, Files.readAllBytes(got));
        assertEquals(List.of(NAME), filesInDir());
        assertEquals(List.of("/a/" + NAME + ".gz", "/a/" + NAME), server.requests());
    }

    @Test
    void gzipIsPreferredAndCheckedAfterDecompression() throws IOException {
        server.put("/a/" + NAME + ".gz", Reply.ok(GZ));
        server.put("/a/" + NAME, Reply.ok(RAW));
        Path got = download.fetch(List.of(server.mirror("a")), NAME, SHA, dir);
        assertEquals(dir.resolve(NAME + ".gz"), got);
        assertArrayEquals(GZ, Files.readAllBytes(got));
        assertEquals(List.of(NAME + ".gz"), filesInDir());
        assertEquals(SHA, IdxReader.read(got).sha256());
    }

    @Test
    void corruptedAndTruncatedMirrorsAreSkippedForAGoodOne() throws IOException {
        server.put("/bad/" + NAME + ".gz", Reply.ok(corrupted(GZ)));
        server.put("/bad/" + NAME, Reply.ok(corrupted(RAW)));
        server.put("/short/" + NAME + ".gz", Reply.truncated(GZ, GZ.length / 2));
        server.put("/good/" + NAME + ".gz", Reply.ok(GZ));
        Path got = download.fetch(List.of(server.mirror("missing"), server.mirror("bad"), server.mirror("short"),
                server.mirror("good")), NAME, SHA, dir);
        assertEquals(SHA, IdxReader.read(got).sha256());
        assertEquals(List.of(NAME + ".gz"), filesInDir());
    }

    @Test
    void whenEveryMirrorFailsNothingIsLeftAndEachFailureIsReported() throws IOException {
        URI missing = server.mirror("missing");
        URI bad = server.mirror("bad");
        URI shortMirror = server.mirror("short");
        URI wrong = server.mirror("wrong");
        server.put("/bad/" + NAME, Reply.ok(corrupted(RAW)));
        server.put("/short/" + NAME, Reply.truncated(RAW, 9));
        server.put("/wrong/" + NAME + ".gz", Reply.ok(IdxBytes.gzip(IdxBytes.labels(1, 2, 3))));
        IOException e = assertThrows(IOException.class,
                () -> download.fetch(List.of(missing, bad, shortMirror, wrong), NAME, SHA, dir));
        String m = e.getMessage();
        assertTrue(m.contains("could not download " + NAME), m);
        assertTrue(m.contains(missing + NAME + ".gz: HTTP 404"), m);
        assertTrue(m.contains(bad + NAME + ": SHA-256 mismatch: expected " + SHA), m);
        assertTrue(m.contains(wrong + NAME + ".gz: SHA-256 mismatch after decompression"), m);
        assertTrue(m.contains(shortMirror + NAME + ": truncated: the connection broke off after "), m);
        assertTrue(m.contains(" of " + RAW.length + " bytes"), m);
        assertEquals(List.of(), filesInDir(), "no file, not even a temporary one, may survive a failed download");
    }

    @Test
    void aCorruptGzipBodyIsReportedAsSuch() throws IOException {
        byte[] cut = java.util.Arrays.copyOf(GZ, GZ.length - 12);
        server.put("/a/" + NAME + ".gz", Reply.ok(cut));
        IOException e = assertThrows(IOException.class,
                () -> download.fetch(List.of(server.mirror("a")), NAME, SHA, dir));
        assertTrue(e.getMessage().contains("corrupt gzip"), e.getMessage());
        assertEquals(List.of(), filesInDir());
    }
}
