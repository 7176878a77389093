package dev.dlfs.spark;

import dev.dlfs.model.Network;
import dev.dlfs.model.NetworkConfig;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Networks kept in an executor JVM between tasks and jobs, by key: built once per key and per task running at the
 * same time (a network's layers keep buffers, so two tasks never share one), then reused by every later task.
 */
final class ExecutorNetworks {
    private static final Map<String, Queue<Network>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicLong BUILT = new AtomicLong();

    private ExecutorNetworks() {
    }

    /** Runs {@code work} on an idle network of {@code key}, built by {@code build} if none is idle. */
    static <T> T with(String key, Supplier<Network> build, Function<Network, T> work) {
        Queue<Network> idle = IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        Network n = idle.poll();
        if (n == null) {
            n = build.get();
            BUILT.incrementAndGet();
        }
        try {
            return work.apply(n);
        } finally {
            idle.offer(n);
        }
    }

    /** A network of the configuration {@code yaml}, whose weights the caller overwrites. */
    static <T> T withConfig(String yaml, Function<Network, T> work) {
        return with("config:" + yaml, () -> Network.of(NetworkConfig.parse(yaml, "the driver's configuration")),
                work);
    }

    /** Networks built in this JVM so far (by every key): how tests see that they are reused. */
    static long built() {
        return BUILT.get();
    }
}
