package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.coordinator.routing.Route;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.coordinator.routing.Router;
import dev.switchboard.coordinator.routing.UnknownOperationException;
import dev.switchboard.spi.OperationRequest;
import java.util.List;
import java.util.Optional;

/** Stand-in router until the real one lands: the operation name picks the operation. Thread-safe. */
record TempRouter(OperationCatalog catalog) implements Router {

    @Override
    public Route route(OperationRequest request) {
        return explain(request).route().orElseThrow(() -> new UnknownOperationException(request.operation(),
                catalog.all().stream().map(o -> o.descriptor().name())
                        .filter(n -> n.startsWith(request.operation().split("\\.")[0])).limit(3).toList()));
    }

    @Override
    public RouteExplanation explain(OperationRequest request) {
        Optional<SpecialistOperation> op = catalog.find(request.operation());
        RouteExplanation.Step step = new RouteExplanation.Step("by-name", "operation = \"" + request.operation() + "\"",
                op.isPresent(), "built-in");
        return new RouteExplanation(List.of(step),
                op.map(o -> new Route(o.specialist().name(), o.descriptor().name(), List.of("by-name"))), List.of());
    }
}
