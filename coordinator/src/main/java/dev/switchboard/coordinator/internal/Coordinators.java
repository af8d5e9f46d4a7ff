package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.plugins.PluginHost;
import dev.switchboard.coordinator.workflow.WorkflowEngine;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.SpecialistContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
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
        ModeSet initial = spec.modes().map(ModeRegistry::load).orElseGet(ModeRegistry::builtins);
        Parts parts = new Parts(initial, spec.time(), new EventDispatcher(registry), new OperationMetrics(registry));
        try {
            SpecialistConfigs configs = new SpecialistConfigs(parts::modes, spec.liveKit());
            Function<String, SpecialistContext> contexts = contexts(spec, parts, configs);
            PluginHost.Builder plugins = PluginHost.builder().contexts(contexts);
            spec.plugins().ifPresent(plugins::pluginsFolder);
            spec.specialists().forEach(plugins::specialist);
            PluginHost catalog = parts.opened(plugins.build());
            parts.plugins(catalog, catalog.load());
            List<QualityGateProvider> providers = new ArrayList<>(spec.gateProviders());
            providers.addAll(catalog.gateProviders());
            SnapshotCompiler compiler = new SnapshotCompiler(catalog, providers, spec.workflows());
            ModeRegistry.Builder modes = ModeRegistry.builder().activation(compiler::compile).timeSource(spec.time());
            spec.modes().ifPresent(modes::folder);
            ModeRegistry modeRegistry = parts.opened(modes.build());
            parts.activate(compiler.snapshotOf(modeRegistry.current()));
            modeRegistry.addListener(new ModeReloads(parts, compiler));
            if (spec.watchModes() && spec.modes().isPresent()) {
                modeRegistry.watch();
            }
            boolean fsync = spec.fsync().orElse(parts.snapshot().settings().journalFsync());
            Journal journal = parts.opened(spec.journal()
                    .map(file -> Journal.builder(file).fsync(fsync).time(spec.time()).progress(spec.journalProgress())
                            .build())
                    .orElseGet(Journal::inMemory));
            parts.pipeline(new ExecutePipeline(parts::snapshot, catalog, contexts, new JournalSteps(journal),
                    parts.metrics(), spec.time()));
            Coordinator coordinator = new Coordinator(parts);
            parts.workflows(journal, WorkflowEngine.builder().journal(journal).executor(coordinator::execute)
                    .catalog(catalog).time(spec.time()).listener(new WorkflowEvents(parts)).build());
            parts.recovered(Recoveries.recover(parts, spec.journalProgress()));
            return coordinator;
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    private static Function<String, SpecialistContext> contexts(
            BuildSpec spec, Parts parts, SpecialistConfigs configs) {
        Secrets secrets = new ReferenceSecrets(spec.environment());
        Map<String, SpecialistContext> made = new ConcurrentHashMap<>();
        return name -> made.computeIfAbsent(name, n -> new SpecialistContextImpl(n, configs::of, configs::locate,
                secrets, spec.time(),
                new MicrometerMetrics(spec.meterRegistry(), n), parts.events()));
    }
}
