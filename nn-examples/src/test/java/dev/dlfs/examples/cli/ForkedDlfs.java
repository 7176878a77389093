package dev.dlfs.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the dlfs app in a new JVM, as the launcher does: {@code java --module-path … -m dev.dlfs.examples/…}, with
 * this test run's module path (the app and its dependencies, never the sample plugin).
 */
final class ForkedDlfs {
    private ForkedDlfs() {
    }

    /** The line the JVM prints on the error stream when the app uses the Vector API. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector\n";

    /** What the run printed and its exit code. */
    record Result(int exitCode, String out, String err) {
        /**
         * The error output without the JVM's own notices (the incubator warning, and "Picked up JAVA_TOOL_OPTIONS"
         * when a suite runs under such options, e.g. -XX:UseAVX=2): what dlfs itself printed.
         */
        String dlfsErr() {
            return err.lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS:")
                    && !l.startsWith("Picked up _JAVA_OPTIONS:") && !(l + "\n").equals(INCUBATOR_WARNING))
                    .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, List.of(), Map.of(), List.of(), args);
    }

    /**
     * A run with {@code env} added to this process's environment (a null value removes the variable) and
     * {@code jvmOptions} (e.g. {@code -Duser.home=…}) before the module.
     */
    static Result run(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return run(workDir, List.of(), env, jvmOptions, args);
    }

    /**
     * Runs dlfs under {@code launcher}, a command that ends by running its arguments, e.g.
     * {@code bash -c 'ulimit -f 8; exec "$@"' dlfs} to limit the size of the files it may write.
     */
    static Result run(Path workDir, List<String> launcher, String... args) throws IOException, InterruptedException {
        return run(workDir, launcher, Map.of(), List.of(), args);
    }

    private static Result run(Path workDir, List<String> launcher, Map<String, String> env, List<String> jvmOptions,
                              String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = start(out, err, launcher, env, jvmOptions, args);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("dlfs " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Starts the app without waiting, its output and errors going to the two files. */
    static Process start(Path out, Path err, String... args) throws IOException {
        return start(out, err, List.of(), Map.of(), List.of(), args);
    }

    private static Process start(Path out, Path err, List<String> launcher, Map<String, String> env,
                                 List<String> jvmOptions, String... args) throws IOException {
        String modulePath = System.getProperty("jdk.module.path");
        assertTrue(modulePath != null && !modulePath.isBlank(), "the tests must run on the module path");
        assertTrue(!modulePath.contains("nn-plugin-sample"), "the plugin leaked onto the module path: " + modulePath);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(java, "--module-path", modulePath, "--add-modules", "jdk.incubator.vector",
                "-Ddlfs.home=" + System.getProperty("dlfs.home", "..")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-m", "dev.dlfs.examples/dev.dlfs.examples.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return builder.start();
    }
}
