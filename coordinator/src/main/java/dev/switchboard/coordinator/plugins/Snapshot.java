package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One immutable catalog built by a load or reload. It counts its users: the host holds one
 * reference while it is current, each open {@link CatalogLease} one more. When the count reaches
 * zero, the specialists it started from JARs are stopped and its PF4J plugins unloaded.
 * Thread-safe.
 */
final class Snapshot implements OperationCatalog {

    private final Map<String, SpecialistOperation> operations;
    private final Map<String, SpecialistContext> contexts;
    private final List<QualityGateProvider> gates;
    private final PluginReport report;
    private final List<Specialist> owned;
    private final Runnable unloadPlugins;
    private final AtomicInteger references = new AtomicInteger(1);

    Snapshot(Admission admission, PluginReport report, List<Specialist> owned, Runnable unloadPlugins) {
        this.operations = Collections.unmodifiableMap(new TreeMap<>(admission.operations));
        this.contexts = Map.copyOf(admission.contextsByName);
        this.gates = List.copyOf(admission.gates);
        this.report = report;
        this.owned = List.copyOf(owned);
        this.unloadPlugins = unloadPlugins;
    }

    static Snapshot empty() {
        return new Snapshot(new Admission(name -> {
            throw new IllegalStateException("empty snapshot starts nothing");
        }), new PluginReport(List.of()), List.of(), () -> { });
    }

    @Override
    public Optional<SpecialistOperation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    @Override
    public Collection<SpecialistOperation> all() {
        return operations.values();
    }

    Optional<SpecialistContext> context(String specialist) {
        return Optional.ofNullable(contexts.get(specialist));
    }

    List<QualityGateProvider> gates() {
        return gates;
    }

    PluginReport report() {
        return report;
    }

    /** Adds a reference unless the snapshot is already shut down. */
    boolean acquire() {
        while (true) {
            int now = references.get();
            if (now == 0) {
                return false;
            }
            if (references.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one shuts the snapshot down. */
    void release() {
        if (references.decrementAndGet() == 0) {
            owned.reversed().forEach(SpecialistProbe::stopQuietly);
            unloadPlugins.run();
        }
    }
}
