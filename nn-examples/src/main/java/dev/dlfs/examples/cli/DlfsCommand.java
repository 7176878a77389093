package dev.dlfs.examples.cli;

import dev.dlfs.model.Version;
import dev.dlfs.tensor.Gemm;
import dev.dlfs.tensor.Parallelism;
import dev.dlfs.tensor.spi.ProviderFailure;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code dlfs} command: global options, and the subcommands that do the work. */
@Command(name = "dlfs",
        mixinStandardHelpOptions = true,
        versionProvider = DlfsCommand.VersionInfo.class,
        description = {
            "Deep Learning from Scratch, in Java: train, evaluate and inspect the book's networks.",
            "",
            "Start with:  dlfs train examples/two-layer-net.yaml",
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 the command failed (its message says why and how to fix it),"
                    + " 2 the command line is wrong.",
            "Environment: DLFS_PLUGINS  plugin jars or folders, like --plugins.",
            "             DLFS_GEMM_REGISTERS  16 or 32: fit the product kernels to that many vector registers"
                    + " instead of the detected number (dlfs --version shows the choice).",
        },
        subcommands = {
            TrainCommand.class,
            EvalCommand.class,
            PredictCommand.class,
            GradcheckCommand.class,
            SummaryCommand.class,
            PluginsCommand.class,
            ExampleCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class DlfsCommand implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;
    private boolean prepared;
    /** Plugin jars given that could not be read as modules (their providers' failures are in the registries). */
    List<ProviderFailure> brokenJars = List.of();

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not just its message.")
    boolean verbose;

    @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "PATH",
            defaultValue = "${env:DLFS_PLUGINS}",
            description = "Plugin jars, or folders of jars, to load (separated by '${sys:path.separator}').")
    String plugins;

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N", converter = OptionRanges.AtLeastOne.class,
            description = "Threads for matrix products (default: all processors). Results do not depend on it.")
    Integer threads;

    /** Picocli needs a no-argument constructor for {@code --help} of the top command alone. */
    public DlfsCommand() {
        this(System.out, System.err);
    }

    DlfsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The command line with dlfs's error handling: one paragraph per error, exit 2 for usage, 1 for failures. */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        DlfsCommand top = new DlfsCommand(out, err);
        CommandLine cmd = new CommandLine(top);
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setUsageHelpAutoWidth(true);
        cmd.setParameterExceptionHandler(new UsageErrors(err));
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            err.println(ErrorReport.paragraph(failed.getCommandSpec().qualifiedName(" ")
                    .replaceFirst("^dlfs ?", ""), ex));
            if (top.verbose) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        return cmd;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return 0;
    }

    /**
     * Applies the global options once, before a subcommand runs: threads, then plugins. A plugin jar or provider
     * that cannot be used is left out with a one-line warning (its stack trace with --verbose), unless the
     * subcommand lists such failures itself.
     */
    void prepare(boolean warnOfBrokenPlugins) {
        if (prepared) {
            return;
        }
        prepared = true;
        if (threads != null) {
            Parallelism.setThreads(threads);
        }
        if (plugins != null && !plugins.isBlank()) {
            List<Path> paths = new ArrayList<>();
            for (String part : plugins.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()));
                }
            }
            PluginLoader.Loaded loaded = PluginLoader.load(paths);
            brokenJars = loaded.failures().stream().filter(f -> f.kind().equals(PluginLoader.JAR)).toList();
            if (verbose && !loaded.modules().isEmpty()) {
                err.println("loaded plugin modules " + loaded.modules() + " (" + loaded.providers() + " providers)");
            }
            if (warnOfBrokenPlugins) {
                for (ProviderFailure f : loaded.failures()) {
                    err.println("dlfs: warning: left out " + (f.kind().equals(PluginLoader.JAR) ? "the plugin jar "
                            : "the broken " + f.kind() + " provider ") + f + ". 'dlfs plugins' lists what loaded.");
                    printTrace(f);
                }
            }
        }
    }

    /** With --verbose, the stack trace of a plugin's failure. */
    void printTrace(ProviderFailure failure) {
        if (verbose && failure.error() != null) {
            failure.error().printStackTrace(err);
        }
    }

    /** {@code dlfs --version}. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "dlfs " + Version.CURRENT,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                        + Runtime.getRuntime().availableProcessors() + " processors",
                Gemm.kernels(),
            };
        }
    }
}
