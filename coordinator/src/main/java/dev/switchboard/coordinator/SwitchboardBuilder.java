package dev.switchboard.coordinator;

import dev.switchboard.coordinator.internal.BuildSpec;
import dev.switchboard.coordinator.internal.Coordinators;
import dev.switchboard.coordinator.journal.JournalProgress;
import dev.switchboard.coordinator.workflow.WorkflowDefinition;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link Switchboard}. Every setting is optional; the defaults give a coordinator with the
 * built-in modes, the specialists found on the classpath, an in-memory journal and a Prometheus
 * meter registry. {@link #build()} validates eagerly and throws {@link IllegalArgumentException}
 * naming the setting, or {@link dev.switchboard.spi.ConfigException} naming {@code file:line:key}
 * for invalid modes.
 *
 * <p>Not thread-safe: configure it on one thread, then call {@link #build()} (which may be called
 * more than once, each call building a new, independent coordinator).
 */
public final class SwitchboardBuilder {

    private Path modes;
    private Path plugins;
    private Path journal;
    private Boolean fsync;
    private boolean watchModes = true;
    private TimeSource time = TimeSource.system();
    private final List<Specialist> specialists = new ArrayList<>();
    private final List<QualityGateProvider> gateProviders = new ArrayList<>();
    private final List<WorkflowDefinition> workflows = new ArrayList<>();
    private LiveKitSettings liveKit;
    private MeterRegistry meterRegistry;
    private Map<String, String> environment = System.getenv();
    private JournalProgress journalProgress = JournalProgress.NONE;

    SwitchboardBuilder() {
    }

    /** The operator's modes folder, layered over the built-in defaults; default: built-in modes only. */
    public SwitchboardBuilder modes(Path folder) {
        this.modes = Objects.requireNonNull(folder, "modes");
        return this;
    }

    /** The folder of specialist plugin JARs; default: none (classpath and Java-registered specialists only). */
    public SwitchboardBuilder plugins(Path folder) {
        this.plugins = Objects.requireNonNull(folder, "plugins");
        return this;
    }

    /** The journal file (created when absent); default: an in-memory journal that does not survive a crash. */
    public SwitchboardBuilder journal(Path file) {
        this.journal = Objects.requireNonNull(file, "journal");
        return this;
    }

    /**
     * Whether every journal record is forced to disk before the step runs; default: the modes'
     * {@code [coordinator] journal-fsync}, which defaults to {@code true}.
     */
    public SwitchboardBuilder fsync(boolean value) {
        this.fsync = value;
        return this;
    }

    /** Whether the modes folder is watched and reloaded on change; default {@code true}. */
    public SwitchboardBuilder watchModes(boolean value) {
        this.watchModes = value;
        return this;
    }

    /** The time source for deadlines, metrics and journal records; default: the system clocks. */
    public SwitchboardBuilder time(TimeSource value) {
        this.time = Objects.requireNonNull(value, "time");
        return this;
    }

    /** Registers a specialist written in Java (embedded use); it is started like a plugin's. */
    public SwitchboardBuilder specialist(Specialist specialist) {
        specialists.add(Objects.requireNonNull(specialist, "specialist"));
        return this;
    }

    /** Registers a quality-gate provider written in Java, usable as a {@code [[gates]]} type. */
    public SwitchboardBuilder gateProvider(QualityGateProvider provider) {
        gateProviders.add(Objects.requireNonNull(provider, "gateProvider"));
        return this;
    }

    /**
     * Registers a workflow written in Java ({@link WorkflowDefinition#builder(String)}); it is checked
     * against the loaded operations at build and on every mode reload, like the modes' workflows.
     */
    public SwitchboardBuilder workflow(WorkflowDefinition workflow) {
        workflows.add(Objects.requireNonNull(workflow, "workflow"));
        return this;
    }

    /** LiveKit server settings handed to every specialist's configuration; default: none. */
    public SwitchboardBuilder liveKit(LiveKitSettings settings) {
        this.liveKit = Objects.requireNonNull(settings, "liveKit");
        return this;
    }

    /** Where metrics go; default: a new {@link PrometheusMeterRegistry}. */
    public SwitchboardBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
        return this;
    }

    /**
     * The variables {@code ${NAME}} and {@code env:NAME} secret references resolve against;
     * default: the process environment. Copied.
     */
    public SwitchboardBuilder environment(Map<String, String> variables) {
        this.environment = Map.copyOf(Objects.requireNonNull(variables, "environment"));
        return this;
    }

    /**
     * Who hears how far reading the journal file and recovering its unfinished runs have got while
     * {@link #build()} runs (the CLI shows a progress line). Default {@link JournalProgress#NONE}.
     */
    public SwitchboardBuilder journalProgress(JournalProgress progress) {
        this.journalProgress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /**
     * Loads plugins and modes, compiles the router, gates and workflows against the loaded
     * operations, recovers unfinished workflows from the journal and starts watching the modes.
     *
     * @throws IllegalArgumentException naming the setting when a path is unusable
     * @throws dev.switchboard.spi.ConfigException naming {@code file:line:key} when the modes are invalid
     */
    public Switchboard build() {
        return Coordinators.start(spec());
    }

    BuildSpec spec() {
        if (modes != null && !Files.isDirectory(modes)) {
            throw new IllegalArgumentException("modes: " + modes + " is not a directory");
        }
        if (plugins != null && !Files.isDirectory(plugins)) {
            throw new IllegalArgumentException("plugins: " + plugins + " is not a directory");
        }
        if (journal != null) {
            if (Files.isDirectory(journal)) {
                throw new IllegalArgumentException("journal: " + journal + " is a directory, expected a file");
            }
            Path parent = journal.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new IllegalArgumentException("journal: the folder of " + journal + " does not exist");
            }
        }
        MeterRegistry registry = meterRegistry != null
                ? meterRegistry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new BuildSpec(Optional.ofNullable(modes), Optional.ofNullable(plugins),
                Optional.ofNullable(journal),
                Optional.ofNullable(fsync), watchModes, time, specialists, gateProviders, workflows,
                Optional.ofNullable(liveKit), registry,
                environment, journalProgress);
    }
}
