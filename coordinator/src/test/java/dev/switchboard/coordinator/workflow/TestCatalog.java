package dev.switchboard.coordinator.workflow;

import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Metrics;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.TimeSource;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A catalog over one specialist, and a step executor that calls it directly. Immutable, thread-safe. */
final class TestCatalog implements OperationCatalog {

    private final Map<String, SpecialistOperation> ops = new TreeMap<>();

    TestCatalog(Specialist specialist) {
        specialist.operations().forEach(d -> ops.put(d.name(), new SpecialistOperation(specialist, d, "classpath")));
    }

    @Override
    public Optional<SpecialistOperation> find(String name) {
        return Optional.ofNullable(ops.get(name));
    }

    @Override
    public Collection<SpecialistOperation> all() {
        return ops.values();
    }

    /** Runs requests on the catalog's specialist (no routing or gates: those belong to the core). */
    StepExecutor executor() {
        return request -> find(request.operation())
                .map(o -> o.specialist().execute(CONTEXT, request))
                .orElseGet(() -> OperationResult.failure(FailureCode.UNKNOWN_OPERATION, request.operation()));
    }

    private static final SpecialistContext CONTEXT = new SpecialistContext() {
        @Override
        public String specialist() {
            return "test";
        }

        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode config() {
            return Json.object();
        }

        @Override
        public Secrets secrets() {
            throw new UnsupportedOperationException("the test specialist uses no secrets");
        }

        @Override
        public TimeSource time() {
            return TimeSource.system();
        }

        @Override
        public Metrics metrics() {
            return Metrics.none();
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("test");
        }

        @Override
        public EventPublisher events() {
            return event -> { };
        }
    };
}
