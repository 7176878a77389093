package dev.dlfs.examples.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every dlfs subcommand shares: the global options are applied before it runs, and its output streams. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    DlfsCommand dlfs;

    @Override
    public final Integer call() throws Exception {
        dlfs.prepare(!listsBrokenPlugins());
        return run();
    }

    /** Whether this command shows plugins that failed to load itself (else a warning names each). */
    boolean listsBrokenPlugins() {
        return false;
    }

    /** Does the work; returns the exit code. */
    abstract int run() throws Exception;

    PrintStream out() {
        return dlfs.out;
    }

    PrintStream err() {
        return dlfs.err;
    }

    boolean verbose() {
        return dlfs.verbose;
    }
}
