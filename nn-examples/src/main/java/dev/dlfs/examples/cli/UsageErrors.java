package dev.dlfs.examples.cli;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;

/**
 * A wrong command line (unknown option, missing argument, a number that isn't one): one paragraph naming the
 * problem, the nearest valid spelling if there is one, and where to find the usage; exit code 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final PrintStream err;

    UsageErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        StringBuilder sb = new StringBuilder(name).append(": ").append(sentence(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                sb.append(" Did you mean ").append(String.join(" or ", suggestions.stream()
                        .map(s -> "'" + s + "'").toList())).append('?');
            }
        }
        sb.append(" See '").append(name).append(" --help' for the usage.");
        err.println(sb);
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String sentence(String s) {
        String t = s == null ? "invalid command line" : s.strip();
        return t.endsWith(".") ? t : t + ".";
    }
}
