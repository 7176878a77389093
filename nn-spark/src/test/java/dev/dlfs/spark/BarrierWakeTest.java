package dev.dlfs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.TaskKilledException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * {@link BarrierWake} in real barrier tasks: synchronisations take milliseconds instead of Spark's one-second poll,
 * no interrupt reaches the task's own code (neither its own sleeps nor a later interruptible channel), and a task
 * killed while it waits still ends.
 */
class BarrierWakeTest {
    private static final int SYNCS = 30;
    private static final CountDownLatch WAITING = new CountDownLatch(1);
    private static final AtomicReference<Throwable> ENDED_WITH = new AtomicReference<>();

    /** What one task saw of its synchronisations. */
    record Seen(int partition, long nanos, int interruptedAfter, int ownSleepsInterrupted, String lastGather,
                boolean channelStillOpen) implements Serializable {
    }

    /**
     * {@link #SYNCS} allGathers per task; partition 1 first sleeps 20 ms in its own code inside the synchronised
     * part, so partition 0 waits in Spark's poll every time and is woken again and again.
     */
    static final class Syncs extends AbstractFunction1<Iterator<Integer>, Iterator<Seen>> implements Serializable {
        private final String scratch;

        Syncs(Path scratch) {
            this.scratch = scratch.toString();
        }

        @Override
        public Iterator<Seen> apply(Iterator<Integer> rows) {
            BarrierTaskContext task = BarrierTaskContext.get();
            int partition = task.partitionId();
            int interruptedAfter = 0;
            int[] ownSleepsInterrupted = {0};
            String[] gathered = {};
            long start = System.nanoTime();
            try (FileChannel channel = FileChannel.open(Path.of(scratch + "-" + partition),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                for (int k = 0; k < SYNCS; k++) {
                    String mine = partition + "@" + k;
                    gathered = BarrierWake.during(() -> {
                        if (partition == 1) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                ownSleepsInterrupted[0]++;
                            }
                        }
                        return task.allGather(mine);
                    });
                    if (Thread.currentThread().isInterrupted()) {
                        interruptedAfter++;
                    }
                    // An interrupt left set would close this channel (ClosedByInterruptException).
                    channel.write(ByteBuffer.wrap(mine.getBytes()));
                }
                long nanos = System.nanoTime() - start;
                return CollectionConverters.asScala(List.of(new Seen(partition, nanos, interruptedAfter,
                        ownSleepsInterrupted[0], String.join(",", gathered), channel.isOpen())).iterator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Partition 0 waits in an allGather that partition 1 never joins; partition 1 waits until it is killed. */
    static final class Stuck extends AbstractFunction1<Iterator<Integer>, Iterator<Integer>> implements Serializable {
        @Override
        public Iterator<Integer> apply(Iterator<Integer> rows) {
            BarrierTaskContext task = BarrierTaskContext.get();
            if (task.partitionId() == 0) {
                WAITING.countDown();
                try {
                    BarrierWake.during(() -> task.allGather("never answered"));
                } catch (Throwable t) {
                    ENDED_WITH.set(t);
                    throw t;
                }
            } else {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!task.isInterrupted() && System.nanoTime() < until) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }
            return CollectionConverters.asScala(List.of(task.partitionId()).iterator());
        }
    }

    @Test
    void synchronisationsTakeMillisecondsAndNoInterruptReachesTheTasksOwnCode() throws IOException {
        Path scratch = Files.createTempDirectory("barrier-wake").resolve("channel");
        SparkSession spark = LocalSpark.start(2);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            long wakes = BarrierWake.wakes();
            List<Seen> seen = new ArrayList<>(jsc.parallelize(List.of(0, 1), 2).rdd().barrier()
                    .mapPartitions(new Syncs(scratch), false, ClassTag$.MODULE$.apply(Seen.class))
                    .toJavaRDD().collect());
            assertEquals(2, seen.size());
            for (Seen s : seen) {
                String who = "partition " + s.partition();
                // Spark's poll alone makes every synchronisation last about a second: 30 s here.
                assertTrue(s.nanos() < TimeUnit.SECONDS.toNanos(8), who + " took " + s.nanos() / 1e6 + " ms");
                assertEquals(0, s.interruptedAfter(), who + ": interrupt flag set after a synchronisation");
                assertEquals(0, s.ownSleepsInterrupted(), who + ": its own sleep was interrupted");
                assertTrue(s.channelStillOpen(), who + ": its channel was closed by an interrupt");
                assertEquals("0@29,1@29", s.lastGather(), who);
            }
            assertTrue(BarrierWake.wakes() - wakes >= SYNCS, "the waiting task was woken");
        } finally {
            spark.stop();
        }
    }

    @Test
    void aTaskKilledWhileItWaitsStillEnds() throws Exception {
        SparkSession spark = LocalSpark.start(2);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            // A cancelled job's tasks are only marked killed, not interrupted: ending them is left to Spark's check
            // after each wake, which must still throw.
            jsc.setJobGroup("stuck", "a barrier job that cannot finish", false);
            JavaFutureAction<List<Integer>> job = jsc.parallelize(List.of(0, 1), 2).rdd().barrier()
                    .mapPartitions(new Stuck(), false, ClassTag$.MODULE$.apply(Integer.class))
                    .toJavaRDD().collectAsync();
            assertTrue(WAITING.await(60, TimeUnit.SECONDS), "partition 0 started its synchronisation");
            Thread.sleep(200);
            long cancelled = System.nanoTime();
            jsc.cancelJobGroup("stuck");
            assertThrows(ExecutionException.class, () -> job.get(60, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ENDED_WITH.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Throwable ended = ENDED_WITH.get();
            assertNotNull(ended, "the waiting task ended");
            assertTrue(System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(30));
            assertInstanceOf(TaskKilledException.class, rootCause(ended), Arrays.toString(ended.getStackTrace()));
        } finally {
            spark.stop();
        }
    }

    @Test
    void onlySparksOwnSleepCountsAsItsPoll() {
        StackTraceElement runBarrier = frame("org.apache.spark.BarrierTaskContext", "runBarrier");
        StackTraceElement[] sparkPoll = {frame("java.lang.Thread", "sleep0"), frame("java.lang.Thread",
                "sleepNanos"), frame("java.lang.Thread", "sleep"), runBarrier};
        assertTrue(BarrierWake.sleepsInSparkPoll(sparkPoll));
        StackTraceElement[] ownSleep = {frame("java.lang.Thread", "sleep0"), frame("java.lang.Thread", "sleep"),
                frame("dev.dlfs.spark.BarrierSteps", "run"), runBarrier};
        assertFalse(BarrierWake.sleepsInSparkPoll(ownSleep), "a sleep of other code, even under Spark's");
        StackTraceElement[] parked = {frame("jdk.internal.misc.Unsafe", "park"), frame(
                "java.util.concurrent.locks.LockSupport", "parkNanos"), runBarrier};
        assertFalse(BarrierWake.sleepsInSparkPoll(parked), "a thread parked in Spark's code, not sleeping");
        StackTraceElement[] yielding = {frame("java.lang.Thread", "yield0"), runBarrier};
        assertFalse(BarrierWake.sleepsInSparkPoll(yielding), "another method of Thread");
        assertFalse(BarrierWake.sleepsInSparkPoll(new StackTraceElement[0]));
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
