package dev.dlfs.examples.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlfs.examples.cli.DlfsCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every {@code ./dlfs …} command the README shows, in code blocks and in inline code, names a real subcommand and
 * real options of it, and the configuration files it names are in the repository.
 */
class ReadmeCommandsTest {
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");

    /** A command as the README shows it. */
    private record Shown(String where, String command) {
    }

    @Test
    void everyCommandNamesARealSubcommandAndItsOptions() throws IOException {
        List<Shown> shown = commands();
        assertTrue(shown.stream().anyMatch(s -> s.command().startsWith("./dlfs train ")),
                "found no `./dlfs train …` in the README, which starts with one: " + shown);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CommandLine dlfs = DlfsCommand.commandLine(nowhere, nowhere);
        List<String> problems = new ArrayList<>();
        for (Shown s : shown) {
            String problem = problem(dlfs, s.command());
            if (problem != null) {
                problems.add(s.where() + ": `" + s.command() + "`: " + problem);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** What is wrong with {@code command}, or null. */
    private static String problem(CommandLine dlfs, String command) {
        CommandLine current = dlfs;
        String[] words = command.substring("./dlfs".length()).strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            // Usage notation: [--epochs N \| --iterations N], [NAME]
            String word = words[i].replaceAll("^\\[+|]+$", "");
            if (word.isEmpty()) {
                continue;
            }
            if (word.startsWith("-")) {
                String name = word.split("=", 2)[0];
                OptionSpec option = current.getCommandSpec().findOption(name);
                if (option == null) {
                    return current.getCommandSpec().qualifiedName() + " has no option " + name;
                }
                if (option.arity().max() > 0 && !word.contains("=")) {
                    i++;
                }
            } else if (current == dlfs) {
                current = dlfs.getSubcommands().get(word);
                if (current == null) {
                    return "'" + word + "' is not a dlfs subcommand; they are " + dlfs.getSubcommands().keySet();
                }
            } else if (word.endsWith(".yaml") && word.contains("/")
                    && !Files.isRegularFile(Readme.HOME.resolve(word))) {
                return word + " is not in the repository";
            }
        }
        return null;
    }

    /** Every {@code ./dlfs} command in the README's shell blocks and inline code, with its line. */
    private static List<Shown> commands() throws IOException {
        List<Shown> out = new ArrayList<>();
        for (CodeBlock b : Readme.blocks()) {
            if (b.language().equals("sh")) {
                List<String> lines = b.code().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).replaceFirst("^\\$ ", "").replaceFirst("\\s+#.*$", "").strip();
                    if (line.startsWith("./dlfs")) {
                        out.add(new Shown(b.where(i + 1), line));
                    }
                }
            }
        }
        List<String> lines = Readme.text().lines().toList();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("```")) {
                inBlock = !inBlock;
            } else if (!inBlock) {
                Matcher m = INLINE_CODE.matcher(lines.get(i));
                while (m.find()) {
                    if (m.group(1).startsWith("./dlfs")) {
                        out.add(new Shown("README.md:" + (i + 1), m.group(1).strip()));
                    }
                }
            }
        }
        return out;
    }
}
