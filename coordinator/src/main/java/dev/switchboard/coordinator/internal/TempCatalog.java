package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Stand-in plugin host until the real one lands: Java-registered specialists only. Thread-safe. */
final class TempCatalog implements OperationCatalog, AutoCloseable {

    private final Map<String, SpecialistOperation> byName = new TreeMap<>();
    private final List<Specialist> specialists;

    TempCatalog(List<Specialist> specialists, Function<String, SpecialistContext> contexts) {
        this.specialists = List.copyOf(specialists);
        for (Specialist s : specialists) {
            s.start(contexts.apply(s.name()));
            for (OperationDescriptor d : s.operations()) {
                byName.putIfAbsent(d.name(), new SpecialistOperation(s, d, "classpath"));
            }
        }
    }

    @Override
    public Optional<SpecialistOperation> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Collection<SpecialistOperation> all() {
        return byName.values();
    }

    @Override
    public void close() {
        specialists.forEach(Specialist::stop);
    }
}
