package dev.switchboard.coordinator.gates;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.QualityGateProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The gate providers known to the coordinator, by type: the built-in ones found with
 * {@link ServiceLoader}, plus those plugins contribute as PF4J extensions. Immutable, thread-safe.
 */
public final class GateProviders {

    private final Map<String, QualityGateProvider> byType;

    private GateProviders(Map<String, QualityGateProvider> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** The providers on the class path of {@code switchboard-quality-gates} (the eight built-in types). */
    public static GateProviders builtIn() {
        List<QualityGateProvider> found = new ArrayList<>();
        ServiceLoader.load(QualityGateProvider.class, GateProviders.class.getClassLoader()).forEach(found::add);
        return of(found);
    }

    /**
     * Exactly {@code providers}.
     *
     * @throws ConfigException when two providers claim one type
     */
    public static GateProviders of(Collection<? extends QualityGateProvider> providers) {
        return new GateProviders(Map.of()).with(providers);
    }

    /**
     * These providers plus {@code more} (for example the extensions of the loaded plugins).
     *
     * @throws ConfigException naming both classes when a type is claimed twice
     */
    public GateProviders with(Collection<? extends QualityGateProvider> more) {
        Map<String, QualityGateProvider> all = new LinkedHashMap<>(byType);
        for (QualityGateProvider p : more) {
            QualityGateProvider before = all.putIfAbsent(p.type(), p);
            if (before != null && before.getClass() != p.getClass()) {
                throw new ConfigException(p.getClass().getName(), "gate type '" + p.type()
                        + "' is already provided by " + before.getClass().getName());
            }
        }
        return new GateProviders(all);
    }

    /** The provider of {@code type}. */
    public Optional<QualityGateProvider> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Every known type. */
    public Set<String> types() {
        return byType.keySet();
    }
}
