package dev.switchboard.media.voice.provider;

import dev.switchboard.spi.TimeSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One circuit breaker per provider of a chain, on the injected clock. Thread-safe. */
final class Breakers {

    private final List<CircuitBreaker> breakers;
    private final TimeSource time;

    Breakers(List<String> names, FallbackOptions options, TimeSource time) {
        this.time = time;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(options.failureRatePercent())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(options.window())
                .minimumNumberOfCalls(Math.min(options.minimumCalls(), options.window()))
                .waitDurationInOpenState(options.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock(time))
                .currentTimestampFunction(c -> time.nanos(), TimeUnit.NANOSECONDS)
                .build();
        List<CircuitBreaker> list = new ArrayList<>();
        for (String n : names) {
            list.add(CircuitBreaker.of(n, config));
        }
        this.breakers = List.copyOf(list);
    }

    CircuitBreaker get(int i) {
        return breakers.get(i);
    }

    int size() {
        return breakers.size();
    }

    long now() {
        return time.nanos();
    }

    /** Records a failure that began at {@code startNanos}. */
    void failure(int i, long startNanos, Throwable error) {
        breakers.get(i).onError(time.nanos() - startNanos, TimeUnit.NANOSECONDS, error);
    }

    /** Records a success that began at {@code startNanos}. */
    void success(int i, long startNanos) {
        breakers.get(i).onSuccess(time.nanos() - startNanos, TimeUnit.NANOSECONDS);
    }

    private static Clock clock(TimeSource time) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.now();
            }
        };
    }
}
