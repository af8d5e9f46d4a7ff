package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.LiveKitSettings;
import dev.switchboard.coordinator.journal.JournalProgress;
import dev.switchboard.coordinator.workflow.WorkflowDefinition;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code SwitchboardBuilder} collected, validated. Internal: not an API. Immutable.
 *
 * @param modes the operator's modes folder
 * @param plugins the plugin JAR folder
 * @param journal the journal file (in memory when absent)
 * @param fsync whether journal records are forced to disk; absent: the modes' {@code journal-fsync}
 * @param watchModes whether the modes folder is watched
 * @param time the time source
 * @param specialists specialists registered in Java
 * @param gateProviders gate providers registered in Java
 * @param workflows workflows registered in Java
 * @param liveKit LiveKit settings handed to specialists
 * @param meterRegistry where metrics go
 * @param environment what secret references resolve against
 * @param journalProgress who hears how far reading and recovering the journal have got
 */
public record BuildSpec(
        Optional<Path> modes,
        Optional<Path> plugins,
        Optional<Path> journal,
        Optional<Boolean> fsync,
        boolean watchModes,
        TimeSource time,
        List<Specialist> specialists,
        List<QualityGateProvider> gateProviders,
        List<WorkflowDefinition> workflows,
        Optional<LiveKitSettings> liveKit,
        MeterRegistry meterRegistry,
        Map<String, String> environment,
        JournalProgress journalProgress) {

    /** Validates and copies. */
    public BuildSpec {
        Objects.requireNonNull(modes, "modes");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(time, "time");
        specialists = List.copyOf(specialists);
        gateProviders = List.copyOf(gateProviders);
        workflows = List.copyOf(workflows);
        Objects.requireNonNull(liveKit, "liveKit");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(journalProgress, "journalProgress");
    }
}
