package dev.dlfs.tensor.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small persistent pool of daemon threads for kernels that split their work into numbered parts.
 *
 * <p>The calling thread runs parts too, so {@code n} threads need {@code n − 1} workers. Workers spin briefly after
 * a job before they park: back-to-back products in a training loop then start without a wake-up delay. Which
 * thread runs which part is not fixed, so a part must depend only on its number; that keeps results independent
 * of scheduling. If the pool is already busy (another thread's job, or a nested call from inside a part), the
 * caller runs all parts itself.
 */
public final class WorkerPool {
    /** One unit of parallel work. */
    public interface Job {
        /** Runs part {@code part} of {@code parts}; parts must not overlap in what they write. */
        void runPart(int part);
    }

    private static final WorkerPool SHARED = new WorkerPool();
    /**
     * How long an idle worker polls for the next job before parking. A training step's products come a few hundred
     * microseconds apart, and waking a parked thread costs tens of microseconds on a virtual machine: longer than
     * half of a batch-100 product.
     */
    private static final long SPIN_NANOS = 2_000_000;
    /** How long a caller polls for the workers' parts before it yields, then parks, its core. */
    private static final long AWAIT_SPIN_NANOS = 500_000;

    private final AtomicBoolean busy = new AtomicBoolean();
    /**
     * The round being handed out: {@code round << 32 | parts << 16 | next part}. Claiming a part is one CAS on it,
     * so a worker that wakes late can never take a part of a later round for an earlier one.
     */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger remaining = new AtomicInteger();
    /** Workers that are parked or about to park; a round only pays for unpark calls when there are some. */
    private final AtomicInteger parked = new AtomicInteger();
    private volatile Thread[] workers = new Thread[0];
    private volatile Job job;
    private volatile Throwable failure;
    private volatile Thread caller;

    private WorkerPool() {
    }

    /** The pool shared by all kernels. */
    public static WorkerPool shared() {
        return SHARED;
    }

    /** Runs parts {@code 0 … parts−1} of {@code job} on up to {@code threads} threads and waits for all of them. */
    public void run(Job job, int parts, int threads) {
        if (parts <= 1 || threads <= 1 || parts > 0xFFFF || !busy.compareAndSet(false, true)) {
            for (int p = 0; p < parts; p++) {
                job.runPart(p);
            }
            return;
        }
        try {
            ensureWorkers(Math.min(threads, parts) - 1);
            this.job = job;
            this.failure = null;
            this.caller = Thread.currentThread();
            remaining.set(parts);
            long round = (claim.get() >>> 32) + 1;
            claim.set(round << 32 | (long) parts << 16); // publishes the fields above
            if (parked.get() > 0) {
                Thread[] ws = workers;
                int wanted = Math.min(ws.length, parts - 1);
                for (int i = 0; i < wanted; i++) {
                    LockSupport.unpark(ws[i]);
                }
            }
            work();
            awaitParts();
            Throwable t = failure;
            this.job = null;
            if (t != null) {
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
        } finally {
            busy.set(false);
        }
    }

    /** Claims and runs parts of the current round until none are left. */
    private void work() {
        while (true) {
            long v = claim.get();
            int next = (int) (v & 0xFFFF);
            if (next >= (int) ((v >>> 16) & 0xFFFF)) {
                return;
            }
            if (!claim.compareAndSet(v, v + 1)) {
                continue;
            }
            try {
                job.runPart(next); // the round cannot end before this part does, so job is this round's
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            }
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /**
     * Waits for parts that workers are still running: polls (parts are balanced, so the wait is usually short), then
     * yields its core to a worker that may be waiting for one (a busy machine), then parks in short naps.
     */
    private void awaitParts() {
        long start = 0;
        for (int spins = 0; remaining.get() != 0; spins++) {
            if ((spins & 63) != 0) {
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (start == 0) {
                start = now;
            } else if (now - start > 4 * AWAIT_SPIN_NANOS) {
                LockSupport.parkNanos(this, 20_000);
            } else if (now - start > AWAIT_SPIN_NANOS) {
                Thread.yield();
            }
        }
    }

    private synchronized void ensureWorkers(int count) {
        Thread[] ws = workers;
        if (ws.length >= count) {
            return;
        }
        Thread[] grown = java.util.Arrays.copyOf(ws, count);
        for (int i = ws.length; i < count; i++) {
            Thread t = new Thread(this::workerLoop, "dlfs-kernel-" + i);
            t.setDaemon(true);
            grown[i] = t;
        }
        workers = grown;
        for (int i = ws.length; i < count; i++) {
            grown[i].start();
        }
    }

    private void workerLoop() {
        long seen = claim.get() >>> 32;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            for (int spins = 1; claim.get() >>> 32 == seen; spins++) {
                if (System.nanoTime() < spinUntil) {
                    if ((spins & 255) == 0) {
                        Thread.yield(); // on a busy machine the core goes to whoever needs it: often our caller
                    } else {
                        Thread.onSpinWait();
                    }
                } else {
                    // Announce before the last check: a caller that publishes a round after it sees the count.
                    parked.incrementAndGet();
                    if (claim.get() >>> 32 == seen) {
                        LockSupport.park(this);
                    }
                    parked.decrementAndGet();
                }
            }
            seen = claim.get() >>> 32;
            work();
        }
    }
}
