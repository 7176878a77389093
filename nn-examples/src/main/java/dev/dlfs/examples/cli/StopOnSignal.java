package dev.dlfs.examples.cli;

import dev.dlfs.model.Trainer;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Turns Ctrl-C and a plain {@code kill} (SIGINT, SIGTERM) during training into a clean stop: the trainer ends after
 * its current iteration, the command saves that state and reports, and only then does the process exit (with the
 * signal's usual status, 130 or 143). A shutdown hook is the one portable place to hear both signals; it holds the
 * exit until {@link #commandEnded()}, which the entry point calls once the command's last word is printed.
 */
final class StopOnSignal implements AutoCloseable {
    private static final CountDownLatch COMMAND_ENDED = new CountDownLatch(1);
    private final Thread hook;

    StopOnSignal(Trainer trainer, PrintStream err) {
        hook = new Thread(() -> {
            err.println();
            err.println("dlfs train: stopping after the current iteration to save a checkpoint…");
            err.flush();
            trainer.requestStop();
            try {
                COMMAND_ENDED.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dlfs-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Called by the entry point when the command has finished, output and errors written: a held exit goes on. */
    static void commandEnded() {
        COMMAND_ENDED.countDown();
    }

    /** Training and saving are over: later signals exit at once (a signal already heard waits for the command). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the process is exiting: the hook runs and waits for the command's end
        }
    }
}
