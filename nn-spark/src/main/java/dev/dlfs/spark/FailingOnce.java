package dev.dlfs.spark;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.TaskContext;

/**
 * A fault for the tests: when armed with an iteration, the first attempt of the task computing shard 0 of that
 * iteration fails once, so that Spark retries it. Local mode runs the tasks in the test's JVM, where this is set.
 */
final class FailingOnce {
    private static volatile int iteration = -1;
    private static final AtomicBoolean FIRED = new AtomicBoolean();

    private FailingOnce() {
    }

    static void arm(int at) {
        FIRED.set(false);
        iteration = at;
    }

    static void disarm() {
        iteration = -1;
    }

    static boolean fired() {
        return FIRED.get();
    }

    /** Throws if armed for this shard and iteration and this is the task's first attempt. */
    static void check(int shard, int at) {
        TaskContext task = TaskContext.get();
        if (shard == 0 && at == iteration && task != null && task.attemptNumber() == 0 && FIRED.compareAndSet(false,
                true)) {
            throw new IllegalStateException("fault injected by a test into shard 0 of iteration " + at);
        }
    }
}
