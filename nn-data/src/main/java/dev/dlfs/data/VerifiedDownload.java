package dev.dlfs.data;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import com.google.common.io.ByteStreams;
import com.google.common.io.CountingInputStream;
import dev.dlfs.tensor.io.AtomicFile;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Downloads one file from the first of several mirrors that serves it intact. Each mirror is asked for
 * {@code <name>.gz}, then {@code <name>}; the body goes to a hidden temporary file in the target directory, is
 * checked against the SHA-256 of the uncompressed file (decompressing if it is gzip, recognised by its magic bytes),
 * and only then renamed into place atomically as {@code <name>.gz} or {@code <name>}. A failed, interrupted,
 * truncated or corrupted download leaves nothing behind that could pass for the file.
 */
final class VerifiedDownload {
    private final HttpClient client;
    private final Duration timeout;

    VerifiedDownload(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Follows redirects; 30 s to connect, 10 min per file. */
    static VerifiedDownload standard() {
        return new VerifiedDownload(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build(), Duration.ofMinutes(10));
    }

    /**
     * Fetches {@code name} into {@code dir} and returns the file written.
     *
     * @param sha256 lower-case hex SHA-256 of the uncompressed file
     * @throws IOException listing every URL tried and why it failed
     */
    Path fetch(List<URI> mirrors, String name, String sha256, Path dir) throws IOException {
        if (mirrors.isEmpty()) {
            throw new IOException("cannot download " + name + ": no mirrors configured");
        }
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI base = mirror.toString().endsWith("/") ? mirror : URI.create(mirror + "/");
            for (String candidate : List.of(name + ".gz", name)) {
                URI uri = base.resolve(candidate);
                try {
                    return attempt(uri, name, sha256, dir);
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException | IllegalArgumentException e) {
                    failures.add(uri + ": " + e.getMessage());
                }
            }
        }
        throw new IOException("could not download " + name + " from any mirror:\n  " + String.join("\n  ", failures));
    }

    private Path attempt(URI uri, String name, String sha256, Path dir) throws IOException {
        HttpResponse<InputStream> response = send(uri);
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream body = new BufferedInputStream(response.body(), 1 << 16)) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            // Named by what arrives, whatever the URL said: gzip data is stored as name.gz.
            body.mark(2);
            boolean gzip = body.read() == 0x1f && body.read() == 0x8b;
            body.reset();
            Path target = dir.resolve(gzip ? name + ".gz" : name);
            AtomicFile.write(target, out -> copy(body, out, declared), written -> {
                String actual = sha256OfContent(written, gzip);
                if (!actual.equals(sha256)) {
                    throw new IOException("SHA-256 mismatch" + (gzip ? " after decompression" : "") + ": expected "
                            + sha256 + ", got " + actual);
                }
            });
            return target;
        }
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + uri + " interrupted");
        }
    }

    /** Copies the body, turning a connection that breaks off into "truncated: n of m bytes". */
    private static void copy(InputStream body, OutputStream out, long declared) throws IOException {
        CountingInputStream counted = new CountingInputStream(body);
        try {
            counted.transferTo(out);
        } catch (IOException e) {
            throw new IOException("truncated: the connection broke off after " + counted.getCount() + " of "
                    + (declared >= 0 ? declared : "?") + " bytes (" + e.getMessage() + ")", e);
        }
        if (declared >= 0 && counted.getCount() != declared) {
            throw new IOException("truncated: received " + counted.getCount() + " of " + declared + " bytes");
        }
    }

    private static String sha256OfContent(Path file, boolean gzip) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             HashingInputStream in = new HashingInputStream(Hashing.sha256(),
                     gzip ? new GZIPInputStream(raw, 1 << 16) : raw)) {
            ByteStreams.exhaust(in);
            return in.hash().toString();
        } catch (EOFException | ZipException e) {
            throw new IOException("corrupt gzip data: " + e.getMessage(), e);
        }
    }
}
