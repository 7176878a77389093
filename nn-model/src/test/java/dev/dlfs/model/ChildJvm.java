package dev.dlfs.model;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test class's {@code main} in a new JVM on a class path of this module, its dependencies and its tests,
 * with extra JVM flags. Output goes to a file, so that a chatty child never blocks on a full pipe, and a child that
 * outlives its time limit is killed.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code main} of {@code mainClass} with {@code flags} and {@code args}; fails with the child's output if it
     * exits with an error or does not finish within {@code seconds}.
     */
    static void run(Class<?> mainClass, List<String> flags, List<String> args, Path log, long seconds)
            throws IOException, InterruptedException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(flags);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp", classPath(mainClass),
                mainClass.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("a JVM with " + flags + " did not finish in " + seconds + " s; output:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("a JVM with " + flags + " exited with " + p.exitValue() + "; output:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** The module path and class path of this JVM, and the location of the test classes. */
    private static String classPath(Class<?> mainClass) throws URISyntaxException {
        List<String> path = new ArrayList<>();
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            path.addAll(List.of(modulePath.split(File.pathSeparator)));
        }
        path.add(System.getProperty("java.class.path"));
        path.add(Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        return String.join(File.pathSeparator, path);
    }
}
