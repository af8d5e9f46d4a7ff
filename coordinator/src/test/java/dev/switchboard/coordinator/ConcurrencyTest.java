package dev.switchboard.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many callers at once, on virtual and on platform threads. */
class ConcurrencyTest {

    enum Threads {
        VIRTUAL, PLATFORM;

        ExecutorService executor() {
            return this == VIRTUAL ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(8);
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Threads.class)
    void concurrentExecutesEachTakeEffectOnce(Threads threads) throws Exception {
        CounterSpecialist counter = new CounterSpecialist();
        try (Switchboard switchboard = build(counter); ExecutorService pool = threads.executor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<OperationResult>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return switchboard.execute(OperationRequest.builder("counter.add")
                            .params(CounterSpecialist.params("shared")).build());
                }));
            }
            go.countDown();
            for (Future<OperationResult> r : results) {
                assertThat(r.get().isSuccess()).isTrue();
            }
            assertThat(counter.count("shared")).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(Threads.class)
    void concurrentRequestsWithOneIdempotencyKeyRunOnce(Threads threads) throws Exception {
        CounterSpecialist counter = new CounterSpecialist();
        try (Switchboard switchboard = build(counter); ExecutorService pool = threads.executor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<OperationResult>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return switchboard.execute(OperationRequest.builder("counter.add")
                            .params(CounterSpecialist.params("keyed")).idempotencyKey("same-key").build());
                }));
            }
            go.countDown();
            for (Future<OperationResult> r : results) {
                assertThat(r.get().field("count").asInt()).isEqualTo(1);
            }
            assertThat(counter.count("keyed")).isEqualTo(1);
        }
    }

    private Switchboard build(CounterSpecialist counter) {
        return Switchboard.builder().modes(TestModes.folder(dir, "")).specialist(counter)
                .meterRegistry(new SimpleMeterRegistry()).environment(Map.of()).build();
    }
}
