package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;
import java.util.Optional;

/**
 * A catalog snapshot held open for the duration of one request or workflow: while a lease is open,
 * a {@link PluginHost#reload()} does not stop the specialists it refers to. Close it when the work
 * is done; closing twice does nothing. Thread-safe.
 */
public interface CatalogLease extends OperationCatalog, AutoCloseable {

    /** The context the host started specialist {@code specialist} with, to pass to its execute. */
    Optional<SpecialistContext> context(String specialist);

    /** The quality-gate providers that plugin JARs contributed, in load order. */
    List<QualityGateProvider> gateProviders();

    /** Releases the snapshot. */
    @Override
    void close();
}
