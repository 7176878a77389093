package dev.dlfs.examples.cli;

import dev.dlfs.tensor.io.AtomicFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The output folder of one training run, held from before the first iteration until its outputs are in place.
 *
 * <p>Why each part exists: a lock file ({@value #LOCK}, an operating-system lock, so a killed run's lock is free
 * again and is recognised by the holder it still names) keeps two runs out of one folder; the outputs are written
 * into a staging folder and land as one set, so a folder never mixes the files of two runs; temporary files that a
 * killed write left behind are removed. Landing goes in marked steps ({@value #READY}: the new set is complete;
 * {@value #MOVING}: the old set is gone), so a run killed half-way is finished by the next run into the folder.
 */
final class RunFolder implements AutoCloseable {
    /** What a training run writes, all of which form one set. */
    static final List<String> OUTPUTS =
            List.of("checkpoint.npz", "metrics.csv", "metrics.json", "loss.png", "accuracy.png", "config.yaml");
    static final String LOCK = ".dlfs-train.lock";
    static final String STAGING = ".dlfs-staging";
    static final String READY = ".ready";
    static final String MOVING = ".moving";
    /** The temporary files of {@link AtomicFile}: {@code .NAME.HEX.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");
    private static final int MAX_NUMBERED = 1000;

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;
    private boolean landed;

    private RunFolder(Path dir, FileChannel channel, FileLock lock, boolean created) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /**
     * Takes {@code dir}, the folder the user named: refused while another run holds it, and, unless
     * {@code overwrite}, when it holds the outputs of an earlier run.
     */
    static RunFolder claim(Path dir, boolean overwrite, String description, PrintStream out) throws IOException {
        RunFolder f = tryClaim(dir, description, out);
        if (f == null) {
            throw new UserError("output folder " + dir + " is in use by another training run (" + holder(dir) + ")",
                    "Wait for it to finish, or choose another folder with --out.");
        }
        List<String> earlier = f.existingOutputs();
        if (!overwrite && !earlier.isEmpty()) {
            f.close();
            throw new UserError("output folder " + dir + " already holds the outputs of an earlier run ("
                    + String.join(", ", earlier) + ")",
                    "Add --overwrite to replace them, or choose another folder with --out.");
        }
        return f;
    }

    /**
     * Takes the first free folder of {@code base}, {@code base-2}, {@code base-3} …: one that no run holds and that
     * holds no earlier outputs, so that running the same configuration again never replaces a result.
     */
    static RunFolder claimNumbered(Path base, String description, PrintStream out) throws IOException {
        for (int n = 1; n <= MAX_NUMBERED; n++) {
            Path dir = n == 1 ? base : base.resolveSibling(base.getFileName() + "-" + n);
            RunFolder f = tryClaim(dir, description, out);
            if (f != null) {
                if (f.existingOutputs().isEmpty()) {
                    return f;
                }
                f.close();
            }
        }
        throw new UserError("all of " + base + ", " + base.getFileName() + "-2 … -" + MAX_NUMBERED
                + " hold earlier runs", "Choose an output folder with --out, or clear out old runs.");
    }

    /** The folder's path. */
    Path dir() {
        return dir;
    }

    /** An empty staging folder: write the outputs there (by their {@link #OUTPUTS} names), then {@link #land}. */
    Path staging() throws IOException {
        Path s = dir.resolve(STAGING);
        deleteTree(s);
        return Files.createDirectory(s);
    }

    /** Replaces the folder's outputs by the staged ones, as one set; returns where they now are. */
    List<Path> land() throws IOException {
        Path s = dir.resolve(STAGING);
        AtomicFile.writeString(s.resolve(READY), "");
        landed = true;
        return finishLanding(s);
    }

    /** Releases the folder; one this run made and left with nothing in it (a run that failed) is removed. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0); // an empty lock file names no holder: this run ended cleanly
            if (created && !landed) {
                deleteStaging();
                try (var entries = Files.list(dir)) {
                    if (entries.allMatch(p -> p.getFileName().toString().equals(LOCK))) {
                        Files.delete(dir.resolve(LOCK));
                        Files.delete(dir);
                    }
                }
            }
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** Locks {@code dir} (creating it), or returns {@code null} if another run holds it. */
    private static RunFolder tryClaim(Path dir, String description, PrintStream out) throws IOException {
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process, by another run on another thread
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        RunFolder f = new RunFolder(dir, ch, lock, created);
        try {
            String previous = f.readHolder();
            if (!previous.isEmpty()) {
                out.println("note: taking over " + dir + " from a run that ended without releasing it (" + previous
                        + ")");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now()
                    + ", " + description + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            f.recover(out);
            f.removeTemporaryFiles();
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    /** Finishes what an interrupted landing left, or drops outputs a run killed while writing them never finished. */
    private void recover(PrintStream out) throws IOException {
        Path s = dir.resolve(STAGING);
        if (!Files.isDirectory(s)) {
            return;
        }
        if (Files.exists(s.resolve(READY)) || Files.exists(s.resolve(MOVING))) {
            finishLanding(s);
            out.println("note: completed the outputs of an interrupted run in " + dir);
        } else {
            deleteTree(s);
        }
    }

    private List<Path> finishLanding(Path s) throws IOException {
        if (Files.exists(s.resolve(READY))) {
            for (String name : OUTPUTS) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.move(s.resolve(READY), s.resolve(MOVING), StandardCopyOption.ATOMIC_MOVE);
        }
        List<Path> landed = new ArrayList<>();
        for (String name : OUTPUTS) {
            Path staged = s.resolve(name);
            if (Files.exists(staged)) {
                Files.move(staged, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(dir.resolve(name))) {
                landed.add(dir.resolve(name));
            }
        }
        deleteTree(s);
        return landed;
    }

    private List<String> existingOutputs() {
        return OUTPUTS.stream().filter(n -> Files.exists(dir.resolve(n))).toList();
    }

    private void deleteStaging() throws IOException {
        deleteTree(dir.resolve(STAGING));
    }

    private void removeTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> TEMPORARY.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))) {
            for (Path p : files) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String readHolder() throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    /** Who holds {@code dir}'s lock, as the lock file says. */
    private static String holder(Path dir) {
        try {
            String s = Files.readString(dir.resolve(LOCK)).strip();
            return s.isEmpty() ? "its lock file names no holder" : s;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(p)) {
            for (Path c : children) {
                deleteTree(c);
            }
        }
        Files.delete(p);
    }
}
