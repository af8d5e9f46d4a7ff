package dev.switchboard.coordinator.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.OperationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests under leases keep working while other threads reload, on virtual and platform threads. */
class PluginHostConcurrencyTest {

    @TempDir
    Path plugins;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void leasedRequestsNeverSeeAStoppedSpecialistDuringReloads(boolean virtual) throws Exception {
        TestPlugins fixtures = new TestPlugins();
        TestPlugins.good(plugins, "good", "good");
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger executed = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        try (PluginHost host = fixtures.host(plugins);
                ExecutorService pool = virtual
                        ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(4)) {
            host.load();
            CountDownLatch running = new CountDownLatch(4);
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(pool.submit(() -> {
                    running.countDown();
                    while (!done.get()) {
                        try (CatalogLease lease = host.acquire()) {
                            OperationResult result = TestPlugins.say(lease, "good.say", "x");
                            if (!result.isSuccess() || lease.context("good").isEmpty()) {
                                problems.add(result.toString());
                            }
                            executed.incrementAndGet();
                        } catch (RuntimeException | AssertionError e) {
                            problems.add(e.toString());
                        }
                    }
                }));
            }
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                host.reload();
            }
            done.set(true);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(executed.get()).isPositive();
        var events = fixtures.contexts.get("good").events();
        assertThat(events.ofType("test.started")).hasSize(6);
        assertThat(events.ofType("test.stopped")).as("every snapshot stopped once").hasSize(6);
    }
}
