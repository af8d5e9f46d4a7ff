package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.SpecialistContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link CatalogLease} on one {@link Snapshot}. Thread-safe; closing twice releases once. */
final class SnapshotLease implements CatalogLease {

    private final Snapshot snapshot;
    private final AtomicBoolean closed = new AtomicBoolean();

    SnapshotLease(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Optional<SpecialistOperation> find(String name) {
        return snapshot.find(name);
    }

    @Override
    public Collection<SpecialistOperation> all() {
        return snapshot.all();
    }

    @Override
    public Optional<SpecialistContext> context(String specialist) {
        return snapshot.context(specialist);
    }

    @Override
    public List<QualityGateProvider> gateProviders() {
        return snapshot.gates();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            snapshot.release();
        }
    }
}
