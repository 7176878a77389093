package dev.dlfs.examples.readme;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * README Java blocks that are compiled together. A module declaration forms one unit with the type declarations
 * under the same heading (they are its classes); a statements block under that heading runs with the module on
 * its module path, as a plugin would be. Under a heading without a module, a statements block is compiled with
 * the type declarations of that heading (a class the text declares, then uses). Every other block is a unit of its
 * own.
 *
 * @param blocks the blocks, module declaration first
 * @param module the module unit a statements block runs with, or null
 */
record JavaUnit(List<CodeBlock> blocks, JavaUnit module) {
    private static final List<String> JAVA_IMPORTS = List.of("java.nio.file", "java.util");

    /** The Java blocks of {@code blocks} as units, in README order of their first block. */
    static List<JavaUnit> of(List<CodeBlock> blocks) {
        List<CodeBlock> java = blocks.stream().filter(b -> b.language().equals("java")).toList();
        List<JavaUnit> modules = new ArrayList<>();
        for (CodeBlock b : java) {
            if (JavaBlock.kindOf(b.code()) == JavaBlock.Kind.MODULE) {
                if (moduleUnder(modules, b.heading()) != null) {
                    throw new IllegalArgumentException(b.where() + ": a second module declaration under the heading '"
                            + b.heading() + "'; the test cannot tell which module the blocks there belong to");
                }
                List<CodeBlock> members = new ArrayList<>(List.of(b));
                java.stream().filter(t -> t.heading().equals(b.heading())
                        && JavaBlock.kindOf(t.code()) == JavaBlock.Kind.TYPE).forEach(members::add);
                modules.add(new JavaUnit(List.copyOf(members), null));
            }
        }
        List<JavaUnit> units = new ArrayList<>();
        for (CodeBlock b : java) {
            JavaUnit module = moduleUnder(modules, b.heading());
            JavaBlock.Kind kind = JavaBlock.kindOf(b.code());
            if (kind == JavaBlock.Kind.MODULE) {
                units.add(module);
            } else if (kind == JavaBlock.Kind.STATEMENTS) {
                List<CodeBlock> with = new ArrayList<>(List.of(b));
                if (module == null) {
                    java.stream().filter(t -> t.heading().equals(b.heading())
                            && JavaBlock.kindOf(t.code()) == JavaBlock.Kind.TYPE).forEach(with::add);
                }
                units.add(new JavaUnit(List.copyOf(with), module));
            } else if (module == null) {
                units.add(new JavaUnit(List.of(b), null));
            }
        }
        return List.copyOf(units);
    }

    private static JavaUnit moduleUnder(List<JavaUnit> modules, String heading) {
        return modules.stream().filter(m -> m.first().heading().equals(heading)).findFirst().orElse(null);
    }

    CodeBlock first() {
        return blocks.getFirst();
    }

    /** Whether this unit is a block of statements that is to be run. */
    boolean runs() {
        return JavaBlock.kindOf(first().code()) == JavaBlock.Kind.STATEMENTS && !BlockMarker.of(first()).notRun();
    }

    /** A name for test reports: where the unit's blocks are and what they are. */
    String describe() {
        String kind = switch (JavaBlock.kindOf(first().code())) {
            case MODULE -> "module " + JavaBlock.moduleName(first().code());
            case STATEMENTS -> runs() ? "statements, run" : "statements, not run";
            default -> "types";
        };
        return first().where() + " java (" + kind
                + (blocks.size() > 1 ? ", with " + String.join(", ", blocks.subList(1, blocks.size()).stream()
                        .map(CodeBlock::where).toList()) : "")
                + (module == null ? "" : ", with module " + JavaBlock.moduleName(module.first().code())) + ")";
    }

    /**
     * Compiles the unit (and the module it runs with) under {@code dir}; returns the classes, module's last.
     *
     * @throws AssertionError naming the README line and javac's message of every compile error
     */
    List<Path> compile(JavaBlockCompiler javac, Path dir) {
        List<Path> moduleClasses = module == null ? List.of() : module.compile(javac, dir.resolve("module"));
        String moduleName = JavaBlock.moduleName(first().code());
        List<String> imports = Stream.concat(JAVA_IMPORTS.stream(), moduleName == null ? javac.dlfsPackages().stream()
                : javac.packagesReadBy(JavaBlock.requires(first().code())).stream()).toList();
        List<JavaBlock> sources = blocks.stream()
                .map(b -> JavaBlock.of(b, BlockMarker.of(b).apply(b, b.code()), moduleName, imports)).toList();
        Path classes = javac.compile(sources, moduleClasses, dir);
        return Stream.concat(Stream.of(classes), moduleClasses.stream()).toList();
    }

    /** Runs the compiled statements block: {@code classes} as {@link #compile} returned them. */
    JavaBlockRun run(JavaBlockCompiler javac, List<Path> classes, Path workDir) throws IOException,
            InterruptedException {
        String mainClass = JavaBlock.of(first(), first().code(), null, List.of()).mainClass();
        List<Path> modulePath = new ArrayList<>(javac.modulePath());
        modulePath.addAll(classes.subList(1, classes.size()));
        return JavaBlockRun.of(mainClass, classes.getFirst(), modulePath, workDir);
    }
}
