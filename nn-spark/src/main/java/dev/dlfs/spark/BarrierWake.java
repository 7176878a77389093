package dev.dlfs.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.spark.TaskContext;

/**
 * Wakes a barrier task out of Spark's once-a-second poll as soon as it waits in it.
 *
 * <p>Why it exists: Spark 4.2's {@code BarrierTaskContext.runBarrier}, behind {@code allGather} and {@code barrier},
 * asks the driver's barrier coordinator and then waits for the reply with
 * {@code while (!future.isCompleted) Thread.sleep(1000)}, so every synchronisation costs up to a second however soon
 * the reply comes (745 ms per training step with 10 steps per job, measured). While a thread runs a synchronisation
 * {@link #during}, one daemon thread of this JVM looks at it every {@value #POLL_NANOS} ns and interrupts it
 * whenever it is parked in exactly that sleep. Spark catches the {@code InterruptedException}, calls
 * {@code killTaskIfInterrupted()}, which throws only if the task was really killed, and checks for the reply again.
 * So a reply is seen within a fraction of a millisecond, and a real kill still ends the task.
 *
 * <p>An interrupt is only ever sent to a thread in state {@code TIMED_WAITING} whose stack shows {@code Thread.sleep}
 * called from {@code BarrierTaskContext}, never to one running other code (an interrupt would close an
 * interruptible NIO channel it uses, for one). A wake can still arrive just as the sleep ends by itself or after the
 * thread has taken a first wake's flag on its way out of the sleep; the flag then reaches only Spark's few lines after
 * the sleep (the next sleep, which throws at once, or the check of the reply and a log line). Once the
 * synchronisation returns, the thread is taken off the list under the same lock the waker interrupts with, so no
 * wake comes after that; then its interrupt flag is cleared, and if the cleared interrupt was Spark killing the task,
 * the task is ended as Spark would have ended it.
 */
final class BarrierWake {
    /** How often a waiting thread is looked at: a reply waits at most about this long. */
    static final long POLL_NANOS = 250_000;

    private static final Set<Waiting> WAITING = ConcurrentHashMap.newKeySet();
    private static final AtomicLong WAKES = new AtomicLong();
    private static final Thread WAKER = Thread.ofPlatform().daemon().name("dlfs barrier wake")
            .unstarted(BarrierWake::wakeWaiting);

    static {
        WAKER.start();
    }

    private BarrierWake() {
    }

    /**
     * Runs {@code sync}, a barrier synchronisation of the current task ({@code allGather} or {@code barrier}), with
     * its thread woken from Spark's poll; afterwards the thread's interrupt flag is clear.
     */
    static <T> T during(Supplier<T> sync) {
        Waiting w = new Waiting(Thread.currentThread());
        WAITING.add(w);
        LockSupport.unpark(WAKER);
        T result;
        try {
            result = sync.get();
        } finally {
            w.stop();
            WAITING.remove(w);
            // A wake can land after the sleep it was meant for has ended; it must not reach later code.
            Thread.interrupted();
        }
        TaskContext task = TaskContext.get();
        if (task != null) {
            // The flag just cleared may have been Spark's kill (it marks the task killed before it interrupts).
            task.killTaskIfInterrupted();
        }
        return result;
    }

    /** Interrupts sent so far in this JVM: how the tests and the benchmark see that the waker works. */
    static long wakes() {
        return WAKES.get();
    }

    /** The waker's loop: parked while no synchronisation runs, else a look at every waiting thread per poll. */
    private static void wakeWaiting() {
        while (true) {
            if (WAITING.isEmpty()) {
                LockSupport.park();
                continue;
            }
            for (Waiting w : WAITING) {
                w.wakeIfInSparkPoll();
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Whether {@code stack} (a thread's, top first) is {@code Thread.sleep} called from {@code BarrierTaskContext}:
     * {@code java.lang.Thread}'s own frames (sleep and the native call under it), then Spark's.
     */
    static boolean sleepsInSparkPoll(StackTraceElement[] stack) {
        int i = 0;
        boolean sleep = false;
        while (i < stack.length && stack[i].getClassName().equals("java.lang.Thread")) {
            sleep |= stack[i].getMethodName().equals("sleep");
            i++;
        }
        return sleep && i < stack.length && stack[i].getClassName().equals("org.apache.spark.BarrierTaskContext");
    }

    /** One thread inside a synchronisation; {@link #stop()} and a wake exclude each other. */
    private static final class Waiting {
        private final Thread thread;
        private boolean active = true;

        Waiting(Thread thread) {
            this.thread = thread;
        }

        synchronized void wakeIfInSparkPoll() {
            // The cheap tests first: a thread computing is RUNNABLE, and one with its flag still set has a wake
            // pending; neither needs its stack taken.
            if (active && thread.getState() == Thread.State.TIMED_WAITING && !thread.isInterrupted()
                    && sleepsInSparkPoll(thread.getStackTrace())) {
                thread.interrupt();
                WAKES.incrementAndGet();
            }
        }

        synchronized void stop() {
            active = false;
        }
    }
}
