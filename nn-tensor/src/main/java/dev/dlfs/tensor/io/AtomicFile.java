package dev.dlfs.tensor.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the same directory, is flushed
 * to disk, and replaces the target with an atomic rename. A reader never sees half a file, and a crash leaves the
 * old file in place. A failure of the write itself (a full disk) names the target.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("model.npz"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Produces a file's content; closing the stream it is given is allowed and only flushes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Reads the finished temporary file before it replaces the target: a download's checksum, say. */
    @FunctionalInterface
    public interface Check {
        void verify(Path written) throws IOException;
    }

    /** Writes {@code content} to {@code target}, replacing any existing file atomically. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, written -> { });
    }

    /** Writes {@code text} in UTF-8 to {@code target}, replacing any existing file atomically. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code content} to {@code target} as {@link #write(Path, Content)} does, once {@code check} has accepted
     * the written bytes; if it throws, the target is left as it was and the temporary file is removed.
     */
    public static void write(Path target, Content content, Check check) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                TargetStream out = new TargetStream(
                        new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), target);
                content.writeTo(out);
                out.flush();
                try {
                    channel.force(true);
                } catch (IOException e) {
                    throw named(target, e);
                }
            }
            check.verify(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            // A writer may wrap the failure of the disk ("I/O error writing PNG file!"): the disk's is the news.
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof TargetWriteException disk) {
                    throw disk;
                }
            }
            throw e;
        }
    }

    /** The write of a target file failed in the file system (a full disk); names the target. */
    private static final class TargetWriteException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        TargetWriteException(Path target, IOException cause) {
            super(target.toString(), null, "cannot write: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
            initCause(cause);
        }
    }

    /** The temporary file's stream, whose failures name the target; closing it only flushes. */
    private static final class TargetStream extends FilterOutputStream {
        private final Path target;

        TargetStream(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw named(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // the channel must stay open until it has been forced to disk
        }
    }

    /**
     * The operating system's error ("No space left on device") with the file being written, which it does not
     * name; an error that names it already is kept.
     */
    private static IOException named(Path target, IOException e) {
        return e instanceof FileSystemException ? e : new TargetWriteException(target, e);
    }
}
