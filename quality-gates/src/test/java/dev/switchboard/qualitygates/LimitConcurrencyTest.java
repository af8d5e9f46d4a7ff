package dev.switchboard.qualitygates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Caller;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many threads hit one budget at the same instant: exactly {@code limit} requests pass, on virtual
 * and on platform threads.
 */
class LimitConcurrencyTest {

    private static final int THREADS = 32;
    private static final int CALLS_PER_THREAD = 50;
    private static final int LIMIT = 100;

    enum ThreadKind {
        VIRTUAL, PLATFORM;

        ExecutorService executor() {
            return this == VIRTUAL
                    ? Executors.newVirtualThreadPerTaskExecutor()
                    : Executors.newFixedThreadPool(THREADS);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (ThreadKind kind : ThreadKind.values()) {
            out.add(Arguments.of(kind, new RateLimitGateProvider(), "{\"limit\": " + LIMIT + ", \"period\": \"1h\"}"));
            out.add(Arguments.of(kind, new QuotaGateProvider(), "{\"limit\": " + LIMIT + ", \"window\": \"1h\"}"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0} threads")
    @MethodSource("cases")
    void exactlyTheLimitPasses(ThreadKind kind, QualityGateProvider provider, String settings) throws Exception {
        QualityGate gate = Checks.gate(provider, settings);
        ManualTime time = new ManualTime(Instant.parse("2026-11-21T09:10:00Z"));
        GateCheck check = Checks.check(OperationRequest.builder("room.create").caller(Caller.of("ann")).build(),
                Checks.ROOM_CREATE, time);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> passed = new ArrayList<>();
        try (ExecutorService pool = kind.executor()) {
            for (int t = 0; t < THREADS; t++) {
                passed.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        if (gate.before(check) instanceof GateVerdict.Pass) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : passed) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(LIMIT);
        }
    }
}
