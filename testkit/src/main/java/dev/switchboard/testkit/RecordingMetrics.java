package dev.switchboard.testkit;

import dev.switchboard.spi.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Metrics} that remember what was recorded, keyed by name and tags
 * ({@code room.create.calls} or {@code room.create.calls{outcome=ok}}). Thread-safe.
 */
public final class RecordingMetrics implements Metrics {

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, List<Duration>> timers = new ConcurrentHashMap<>();

    @Override
    public void increment(String name, String... tags) {
        counters.computeIfAbsent(key(name, tags), k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void record(String name, Duration duration, String... tags) {
        timers.computeIfAbsent(key(name, tags), k -> new CopyOnWriteArrayList<>()).add(duration);
    }

    /** How often the counter was incremented; 0 when never. */
    public long count(String name, String... tags) {
        AtomicLong counter = counters.get(key(name, tags));
        return counter == null ? 0 : counter.get();
    }

    /** The durations recorded in a timer, in order; empty when none. */
    public List<Duration> timings(String name, String... tags) {
        return List.copyOf(timers.getOrDefault(key(name, tags), List.of()));
    }

    /** Every counter by key, for assertions that want to see everything. */
    public Map<String, Long> counters() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private static String key(String name, String... tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags: expected key/value pairs, got " + tags.length + " strings");
        }
        if (tags.length == 0) {
            return name;
        }
        StringBuilder out = new StringBuilder(name).append('{');
        for (int i = 0; i < tags.length; i += 2) {
            out.append(i == 0 ? "" : ",").append(tags[i]).append('=').append(tags[i + 1]);
        }
        return out.append('}').toString();
    }
}
