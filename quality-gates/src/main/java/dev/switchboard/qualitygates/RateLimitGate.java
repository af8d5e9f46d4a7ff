package dev.switchboard.qualitygates;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.spi.Violation;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.List;

/**
 * A resilience4j rate limiter per key: {@code limit} permits per {@code period}, never waiting.
 * Each limiter reads time from the coordinator's {@link TimeSource} (the check's), so tests control
 * it. Thread-safe.
 */
final class RateLimitGate implements QualityGate {

    private final String name;
    private final LimitKey key;
    private final int limit;
    private final String periodText;
    private final RateLimiterConfig config;
    private final KeyedStore<AtomicRateLimiter> limiters;

    RateLimitGate(String name, LimitKey key, int limit, Duration period, String periodText, int maxKeys) {
        this.name = name;
        this.key = key;
        this.limit = limit;
        this.periodText = periodText;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = new KeyedStore<>(maxKeys);
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
        TimeSource time = check.time();
        AtomicRateLimiter limiter = limiters.get(k.key(), n -> new AtomicRateLimiter(name, config, time::nanos));
        if (limiter.acquirePermission()) {
            return GateVerdict.pass();
        }
        long waitMs = Math.max(1, Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait()).toMillis());
        return new GateVerdict.Block(FailureCode.RATE_LIMITED, List.of(new Violation("rate-limit.exceeded", k.path(),
                "rate limit of gate " + name + " (" + limit + " per " + periodText + " for " + k.describe()
                        + ") is exhausted",
                "retry in " + Text.millis(waitMs))));
    }

    /** How many keys hold a limiter (for tests). */
    int keys() {
        return limiters.size();
    }
}
