package dev.dlfs.examples.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a README statements block did when run as a program, the way a reader would run it: {@code main} of its
 * generated class in a new JVM, in an empty working directory (so files it writes with relative paths land there),
 * with dlfs and any module declared beside the block on the module path.
 *
 * @param exitCode the JVM's exit code (1 when {@code main} threw)
 * @param out      what it printed on standard output
 * @param err      what it printed on standard error (an exception's stack trace)
 * @param workDir  the directory it ran in
 */
record JavaBlockRun(int exitCode, String out, String err, Path workDir) {
    /** Runs {@code mainClass} from {@code classes}, with {@code modulePath} as module path, in {@code workDir}. */
    static JavaBlockRun of(String mainClass, Path classes, List<Path> modulePath, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--module-path", JavaBlockCompiler.joined(modulePath),
                "--add-modules", "ALL-MODULE-PATH", "--add-modules", "jdk.incubator.vector",
                "-cp", classes.toString(), mainClass));
        Path out = workDir.resolveSibling(workDir.getFileName() + ".out");
        Path err = workDir.resolveSibling(workDir.getFileName() + ".err");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(mainClass + " did not finish in 300 s");
        }
        return new JavaBlockRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), workDir);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
