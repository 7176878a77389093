package dev.dlfs.examples.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Plugin jars made in a test: Java sources compiled with javax.tools against this run's module path, then jarred. */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * A jar at {@code jar} holding {@code files} (path in the jar to content): the {@code .java} ones compiled (a
     * {@code module-info.java} among them makes a modular jar), every other one copied as it is.
     */
    static Path build(Path jar, Map<String, String> files) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "plugin-src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--module-path", System.getProperty("jdk.module.path"),
                "-d", classes.toString(), "-Xlint:none"));
        for (var e : files.entrySet()) {
            Path f = (e.getKey().endsWith(".java") ? work.resolve("src") : classes).resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            if (e.getKey().endsWith(".java")) {
                args.add(f.toString());
            }
        }
        if (args.size() > 5) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter log = new StringWriter();
            if (javac.getTask(log, null, null, args.subList(0, 5), null,
                    javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                            .getJavaFileObjectsFromStrings(args.subList(5, args.size()))).call() != Boolean.TRUE) {
                throw new AssertionError("the test plugin does not compile:\n" + log);
            }
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
