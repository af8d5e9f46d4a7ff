package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.SpecialistContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Assembles coordinators from a {@link BuildSpec}. Internal: not an API. Thread-safe (stateless). */
public final class Coordinators {

    private Coordinators() {
    }

    /**
     * Loads modes and plugins, compiles the configuration, recovers the journal and starts watching.
     * On failure everything opened so far is closed again.
     */
    public static Coordinator start(BuildSpec spec) {
        MeterRegistry registry = spec.meterRegistry();
        ModeSet initial = TempModes.load(spec.modes());
        Parts parts = new Parts(initial, spec.time(), new EventDispatcher(registry), new OperationMetrics(registry));
        try {
            SpecialistConfigs configs = new SpecialistConfigs(parts::modes, spec.liveKit());
            Function<String, SpecialistContext> contexts = contexts(spec, parts, configs);
            TempCatalog catalog = parts.opened(new TempCatalog(spec.specialists(), contexts));
            parts.catalog(catalog);
            SnapshotCompiler compiler = new SnapshotCompiler(catalog, spec.gateProviders());
            parts.activate(compiler.compile(initial));
            StepJournal journal = new MemoryStepJournal();
            parts.pipeline(new ExecutePipeline(parts::snapshot, catalog, contexts, journal, parts.metrics(),
                    spec.time()));
            return new Coordinator(parts);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    private static Function<String, SpecialistContext> contexts(
            BuildSpec spec, Parts parts, SpecialistConfigs configs) {
        Secrets secrets = new ReferenceSecrets(spec.environment());
        Map<String, SpecialistContext> made = new ConcurrentHashMap<>();
        return name -> made.computeIfAbsent(name, n -> new SpecialistContextImpl(n, configs::of, secrets, spec.time(),
                new MicrometerMetrics(spec.meterRegistry(), n), parts.events()));
    }
}
