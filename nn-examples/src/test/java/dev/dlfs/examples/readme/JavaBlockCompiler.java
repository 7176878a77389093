package dev.dlfs.examples.readme;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles README blocks in this JVM with {@code javax.tools}, against the module path the tests run on (the app and
 * its dependencies). A compile error is reported at the README line it is on, with javac's message.
 */
final class JavaBlockCompiler {
    private final List<Path> modulePath;

    /** A compiler against {@code modulePath}. */
    JavaBlockCompiler(List<Path> modulePath) {
        this.modulePath = List.copyOf(modulePath);
    }

    /** A compiler against the module path of this test run ({@code jdk.module.path}). */
    static JavaBlockCompiler ofThisRun() {
        String mp = System.getProperty("jdk.module.path");
        if (mp == null || mp.isBlank()) {
            throw new IllegalStateException("the README test must run on the module path (jdk.module.path is not set)");
        }
        return new JavaBlockCompiler(Arrays.stream(mp.split(File.pathSeparator)).map(Path::of)
                .toList());
    }

    List<Path> modulePath() {
        return modulePath;
    }

    /** The packages code outside any module sees: everything dlfs exports. */
    List<String> dlfsPackages() {
        Set<String> out = new TreeSet<>();
        for (ModuleReference ref : ModuleFinder.of(modulePath.toArray(Path[]::new)).findAll()) {
            if (ref.descriptor().name().startsWith("dev.dlfs.")) {
                out.addAll(exports(ref.descriptor()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The dlfs packages a module requiring {@code modules} sees: their exports and those of the modules they require
     * transitively. Other modules' packages are left out: on-demand imports of, say, {@code java.awt} would make
     * names like {@code List} ambiguous.
     */
    List<String> packagesReadBy(List<String> modules) {
        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.of(modulePath.toArray(Path[]::new)),
                ModuleFinder.ofSystem());
        Set<String> out = new TreeSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(modules);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            ModuleDescriptor d = finder.find(name).orElseThrow(() -> new IllegalArgumentException(
                    "the README's module requires '" + name + "', which is not on the module path " + modulePath))
                    .descriptor();
            if (name.startsWith("dev.dlfs.")) {
                out.addAll(exports(d));
            }
            d.requires().stream().filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                    .forEach(r -> todo.push(r.name()));
        }
        return List.copyOf(out);
    }

    private static List<String> exports(ModuleDescriptor d) {
        return d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source).toList();
    }

    /**
     * Writes {@code sources} under {@code dir/src}, compiles them into {@code dir/classes} with {@code extraModules}
     * also on the module path, and returns {@code dir/classes}. Sources with a {@code module-info.java} are compiled
     * as that module; others in the unnamed module, reading every module on the path.
     *
     * @throws AssertionError listing every compile error at its README line, with javac's message
     */
    Path compile(List<JavaBlock> sources, List<Path> extraModules, Path dir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this JVM (a JDK, not a JRE, runs the tests)");
        }
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Map<Path, JavaBlock> byFile = new HashMap<>();
        try {
            Files.createDirectories(classes);
            for (JavaBlock b : sources) {
                Path file = src.resolve(b.path());
                Files.createDirectories(file.getParent());
                Files.writeString(file, b.source(), StandardCharsets.UTF_8);
                byFile.put(file.toAbsolutePath().normalize(), b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> path = new ArrayList<>(modulePath);
        path.addAll(extraModules);
        boolean inModule = sources.stream().anyMatch(b -> b.kind() == JavaBlock.Kind.MODULE);
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "--module-path", joined(path)));
        if (!inModule) {
            options.addAll(List.of("--add-modules", "ALL-MODULE-PATH"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter javacOut = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            ok = javac.getTask(javacOut, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(byFile.keySet())).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(located(d, byFile));
            }
        }
        if (!ok || !errors.isEmpty()) {
            throw new AssertionError("the README's Java does not compile:\n" + String.join("\n", errors)
                    + (javacOut.toString().isBlank() ? "" : "\n" + javacOut));
        }
        return classes;
    }

    private static String located(Diagnostic<? extends JavaFileObject> d, Map<Path, JavaBlock> byFile) {
        String message = d.getMessage(Locale.ROOT);
        if (d.getSource() == null) {
            return "javac: " + message;
        }
        JavaBlock b = byFile.get(Path.of(d.getSource().toUri()).toAbsolutePath().normalize());
        if (b == null) {
            return d.getSource().getName() + ":" + d.getLineNumber() + ": " + message;
        }
        String line = d.getLineNumber() < 1 ? "" : b.source().lines().skip(d.getLineNumber() - 1).findFirst()
                .map(s -> "\n    " + s.strip()).orElse("");
        return b.where(d.getLineNumber()) + ": " + message + line;
    }

    static String joined(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
