package dev.switchboard.qualitygates;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * At most {@code limit} requests per key in each fixed window of wall-clock time (windows are
 * aligned to the epoch, read from the check's time source). Thread-safe (lock-free per key).
 */
final class QuotaGate implements QualityGate {

    /** The count in one window. */
    private record Window(long index, int used) {
    }

    private final String name;
    private final LimitKey key;
    private final int limit;
    private final long windowMillis;
    private final String windowText;
    private final KeyedStore<AtomicReference<Window>> counters;

    QuotaGate(String name, LimitKey key, int limit, Duration window, String windowText, int maxKeys) {
        this.name = name;
        this.key = key;
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.windowText = windowText;
        this.counters = new KeyedStore<>(maxKeys);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int weight() {
        return GateTypes.LIMIT_WEIGHT;
    }

    @Override
    public GateVerdict before(GateCheck check) {
        LimitKey.Resolved k = key.resolve(check);
        long nowMs = check.time().now().toEpochMilli();
        long index = Math.floorDiv(nowMs, windowMillis);
        AtomicReference<Window> counter = counters.get(k.key(), n -> new AtomicReference<>(new Window(index, 0)));
        while (true) {
            Window w = counter.get();
            Window next;
            if (w.index() < index) {
                next = new Window(index, 1);
            } else if (w.used() < limit) {
                next = new Window(w.index(), w.used() + 1);
            } else {
                return exhausted(k, w.index(), nowMs);
            }
            if (counter.compareAndSet(w, next)) {
                return GateVerdict.pass();
            }
        }
    }

    private GateVerdict exhausted(LimitKey.Resolved k, long index, long nowMs) {
        long resetMs = (index + 1) * windowMillis;
        return new GateVerdict.Block(FailureCode.RATE_LIMITED, List.of(new Violation("quota.exhausted", k.path(),
                "quota of gate " + name + " (" + limit + " per " + windowText + " for " + k.describe() + ") is used up",
                "retry after " + Instant.ofEpochMilli(resetMs) + " (in " + Text.millis(resetMs - nowMs) + ")")));
    }
}
