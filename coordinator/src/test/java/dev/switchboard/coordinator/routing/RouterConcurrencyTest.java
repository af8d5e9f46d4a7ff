package dev.switchboard.coordinator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.OperationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One router shared by many threads routes every request as one thread would. */
class RouterConcurrencyTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void sharedRouterIsConsistent(boolean virtual) throws Exception {
        Router router = Routers.compile(ModeRegistry.parse("modes/coordinator.toml", RouterTest.TREE),
                RouterTest.KNOWN);
        List<OperationRequest> requests = List.of(
                OperationRequest.builder("room.list").build(),
                OperationRequest.builder("room.delete").caller(Caller.of("a", "admin")).build(),
                OperationRequest.builder("misc.ping").build(),
                OperationRequest.builder("token.create").build());
        Set<Route> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = virtual ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(8)) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        seen.add(router.route(requests.get(i % requests.size())));
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        }
        assertThat(seen).extracting(Route::specialist, Route::operation).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("room", "room.list"),
                org.assertj.core.groups.Tuple.tuple("room", "room.delete"),
                org.assertj.core.groups.Tuple.tuple("misc", "misc.ping"),
                org.assertj.core.groups.Tuple.tuple("auth", "token.create"));
    }
}
