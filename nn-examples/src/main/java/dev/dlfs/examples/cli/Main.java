package dev.dlfs.examples.cli;

import java.io.PrintStream;

/** Entry point of the {@code dlfs} command (see {@code ./dlfs --help}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs one command line and returns its exit code: 0 on success, 1 when the command failed (bad configuration,
     * missing data …), 2 when the command line itself was wrong.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        try {
            return DlfsCommand.commandLine(out, err).execute(args);
        } finally {
            StopOnSignal.commandEnded();
        }
    }
}
