package dev.dlfs.examples.readme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java block of the README as a source file javac can compile. Blocks are written for readers, so most lack
 * the lines around them; what a block is decides what the test adds:
 * <ul>
 *   <li>a module declaration ({@code module …}) is compiled as {@code module-info.java};</li>
 *   <li>a type declaration ({@code class}, {@code record}, … after modifiers) gets {@code package} (the name of the
 *       module declared under the same heading, if any) and the imports, in a file named after the type;</li>
 *   <li>a block that starts with {@code package} or {@code import} is compiled as written;</li>
 *   <li>anything else is statements: they become the body of {@code main} of a class {@code ReadmeLineN} (N the
 *       block's line), with the imports.</li>
 * </ul>
 * The imports are {@code java.util.*}, {@code java.nio.file.*} and every dlfs package the code can read: all of
 * them for code outside a module; for code in one, those of the modules it requires (and of what they require
 * transitively).
 *
 * @param block       the README block
 * @param kind        what the block is
 * @param path        the source file, relative to the source root
 * @param source      the source text
 * @param headerLines how many lines the test put before the block's first line
 */
record JavaBlock(CodeBlock block, Kind kind, Path path, String source, int headerLines) {
    private static final Pattern MODULE = Pattern.compile("^(?:open\\s+)?module\\s+([\\w.]+)");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:@\\w+|public|protected|private|abstract|final|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\s+(\\w+)");
    private static final Pattern REQUIRES = Pattern.compile("requires\\s+(?:(?:transitive|static)\\s+)*([\\w.]+)\\s*;");

    enum Kind { MODULE, TYPE, COMPILATION_UNIT, STATEMENTS }

    /** The block's code without leading blank lines and comments, where its kind shows. */
    private static String start(String code) {
        return code.replaceFirst("^(\\s|//[^\\n]*\\n|/\\*(?s:.*?)\\*/)*", "");
    }

    /** What {@code code} is, judged by how it starts. */
    static Kind kindOf(String code) {
        String start = start(code);
        if (MODULE.matcher(start).find()) {
            return Kind.MODULE;
        }
        if (start.startsWith("package ") || start.startsWith("import ")) {
            return Kind.COMPILATION_UNIT;
        }
        return TYPE.matcher(start).find() ? Kind.TYPE : Kind.STATEMENTS;
    }

    /** The name a module declaration declares, or null when {@code code} is not one. */
    static String moduleName(String code) {
        Matcher m = MODULE.matcher(start(code));
        return m.find() ? m.group(1) : null;
    }

    /** The modules a module declaration requires. */
    static List<String> requires(String moduleDeclaration) {
        List<String> out = new ArrayList<>();
        Matcher m = REQUIRES.matcher(moduleDeclaration);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * {@code block} (with {@code code}, its text after any replacements) as a source file; {@code packageName} is the
     * package of type declarations (null: the unnamed package), {@code imports} the packages imported on demand.
     */
    static JavaBlock of(CodeBlock block, String code, String packageName, List<String> imports) {
        Kind kind = kindOf(code);
        String start = start(code);
        if (kind == Kind.MODULE) {
            return new JavaBlock(block, kind, Path.of("module-info.java"), code, 0);
        }
        if (kind == Kind.COMPILATION_UNIT) {
            Matcher pkg = Pattern.compile("^package\\s+([\\w.]+)").matcher(start);
            Matcher type = Pattern.compile("(?m)^" + TYPE.pattern().substring(1)).matcher(start);
            String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            String name = type.find() ? type.group(1) : "ReadmeLine" + block.line();
            return new JavaBlock(block, kind, Path.of(dir + name + ".java"), code, 0);
        }
        StringBuilder header = new StringBuilder();
        if (packageName != null) {
            header.append("package ").append(packageName).append(";\n");
        }
        for (String p : imports) {
            header.append("import ").append(p).append(".*;\n");
        }
        String dir = packageName == null ? "" : packageName.replace('.', '/') + "/";
        if (kind == Kind.TYPE) {
            Matcher type = TYPE.matcher(start);
            type.find();
            return new JavaBlock(block, kind, Path.of(dir + type.group(1) + ".java"), header + code, lines(header));
        }
        String className = "ReadmeLine" + block.line();
        header.append("public final class ").append(className)
                .append(" {\n    public static void main(String[] args) throws Exception {\n");
        return new JavaBlock(block, kind, Path.of(dir + className + ".java"), header + code + "}}\n", lines(header));
    }

    private static int lines(CharSequence s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    /** The class {@code java} runs for a statements block. */
    String mainClass() {
        return path.toString().replace(".java", "").replace('/', '.');
    }

    /** The README position of line {@code sourceLine} of the source file. */
    String where(long sourceLine) {
        long i = sourceLine - headerLines;
        long blockLines = block.code().lines().count();
        return i >= 1 && i <= blockLines ? block.where((int) i)
                : block.where() + " (in the lines the test adds around the block)";
    }
}
