package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.gates.GatePolicy;
import dev.switchboard.coordinator.gates.GateProviders;
import dev.switchboard.coordinator.gates.ModeGatePolicy;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.coordinator.routing.Router;
import dev.switchboard.coordinator.routing.Routers;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.coordinator.workflow.WorkflowDefinition;
import dev.switchboard.coordinator.workflow.WorkflowDefinitions;
import dev.switchboard.spi.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Compiles a {@link ModeSet} into a {@link Snapshot} against the loaded operations: the router from
 * {@code [router]}, the gate policy from {@code [[gates]]}, the {@code [coordinator]} settings.
 * Throws {@link dev.switchboard.spi.ConfigException} naming {@code file:line:key}. It remembers the
 * last snapshot it compiled so that the mode registry's activation check and its activation
 * notice share one compilation. Thread-safe.
 */
final class SnapshotCompiler {

    private final OperationCatalog catalog;
    private final List<QualityGateProvider> gateProviders;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    private final List<WorkflowDefinition> javaWorkflows;
    private final GateProviders providers;

    SnapshotCompiler(OperationCatalog catalog, List<QualityGateProvider> gateProviders,
            List<WorkflowDefinition> javaWorkflows) {
        this.catalog = catalog;
        this.gateProviders = List.copyOf(gateProviders);
        this.javaWorkflows = List.copyOf(javaWorkflows);
        this.providers = GateProviders.builtIn().with(this.gateProviders);
    }

    /** Compiles {@code modes}; the activation check of the mode registry. */
    Snapshot compile(ModeSet modes) {
        CoordinatorSettings settings = CoordinatorSettings.from(modes);
        Set<String> known = catalog.all().stream().map(o -> o.descriptor().name()).collect(Collectors.toSet());
        Router router = Routers.compile(modes, known);
        GatePolicy gates = ModeGatePolicy.build(modes.sectionsUnder("gates["), providers);
        BuiltinWorkflows builtins = BuiltinWorkflows.split(modes, catalog);
        Snapshot snapshot = new Snapshot(modes, router, gates, settings, workflows(builtins.usable()),
                builtins.unavailable());
        last.set(snapshot);
        return snapshot;
    }

    /** The snapshot of {@code modes}: the one compiled by the activation check, or a new one. */
    Snapshot snapshotOf(ModeSet modes) {
        Snapshot compiled = last.get();
        return compiled != null && compiled.modes() == modes ? compiled : compile(modes);
    }

    private Map<String, WorkflowDefinition> workflows(ModeSet modes) {
        Map<String, WorkflowDefinition> all = new LinkedHashMap<>(WorkflowDefinitions.fromModes(modes, catalog));
        for (WorkflowDefinition w : javaWorkflows) {
            WorkflowDefinitions.validate(w, catalog);
            if (all.putIfAbsent(w.name(), w) != null) {
                throw new ConfigException("workflows." + w.name(), "workflow '" + w.name()
                        + "' is declared both in the modes and in Java; rename one");
            }
        }
        return all;
    }

    List<QualityGateProvider> gateProviders() {
        return gateProviders;
    }
}
