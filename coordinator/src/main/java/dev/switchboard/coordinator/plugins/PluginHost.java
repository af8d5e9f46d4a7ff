package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads specialists and quality-gate providers and serves their operations as an
 * {@link OperationCatalog}. Sources, in this order (the first to claim an operation keeps it):
 * specialists registered on the builder, specialists {@link java.util.ServiceLoader} finds on the
 * classpath, then the {@code *.jar} files of the plugins folder by file name, loaded with PF4J
 * whose system version is the SPI version. A broken source is refused in the {@link PluginReport}
 * with its name and the reason; the others keep working.
 *
 * <p>Lifecycle: {@link #load()} starts every admitted specialist with the context the builder's
 * factory makes for its name; {@link #reload()} rescans the JARs into a new snapshot (classpath
 * specialists are kept, started once); {@link #close()} stops everything (idempotent).
 *
 * <p>Thread-safety: thread-safe. {@code load}, {@code reload} and {@code close} are serialized;
 * lookups read the current immutable snapshot without locking. A request that must not see its
 * specialist stopped by a concurrent reload runs under {@link #acquire()}: the old snapshot's JAR
 * specialists are stopped only when its last lease closes.
 */
public final class PluginHost implements OperationCatalog, AutoCloseable {

    /** The SPI version this host provides; a plugin's {@code Plugin-Requires} must accept it. */
    public static final String SPI_VERSION = "0.1.0";

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());

    private final Builder settings;
    private final Object lock = new Object();
    private volatile Snapshot current = Snapshot.empty();
    private volatile boolean closed;
    private Admission classpath;
    private boolean loaded;

    private PluginHost(Builder builder) {
        this.settings = builder.copy();
    }

    /** A builder; {@link Builder#contexts} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Loads everything the first time; later calls return the current report without rescanning. */
    public PluginReport load() {
        synchronized (lock) {
            ensureOpen();
            return loaded ? current.report() : rebuild();
        }
    }

    /** Rescans the plugins folder into a new snapshot; requests under a lease keep the old one. */
    public PluginReport reload() {
        synchronized (lock) {
            ensureOpen();
            return rebuild();
        }
    }

    /** What the latest load or reload found; empty before {@link #load()}. */
    public PluginReport report() {
        return current.report();
    }

    /** The current snapshot (it does not change when the host reloads). */
    public OperationCatalog catalog() {
        return current;
    }

    /** Holds the current snapshot open until the lease is closed. */
    public CatalogLease acquire() {
        while (true) {
            ensureOpen();
            Snapshot snapshot = current;
            if (snapshot.acquire()) {
                return new SnapshotLease(snapshot);
            }
        }
    }

    @Override
    public Optional<SpecialistOperation> find(String name) {
        return current.find(name);
    }

    @Override
    public Collection<SpecialistOperation> all() {
        return current.all();
    }

    /** The context specialist {@code specialist} was started with, in the current snapshot. */
    public Optional<SpecialistContext> context(String specialist) {
        return current.context(specialist);
    }

    /** The quality-gate providers that plugin JARs contributed, in load order. */
    public List<QualityGateProvider> gateProviders() {
        return current.gates();
    }

    /** Stops every specialist and unloads every plugin; calling it again does nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            Snapshot last = current;
            current = Snapshot.empty();
            last.release();
            if (classpath != null) {
                classpath.started.reversed().forEach(SpecialistProbe::stopQuietly);
            }
        }
    }

    private PluginReport rebuild() {
        List<Path> jars = settings.pluginsFolder == null ? List.of() : JarScan.jars(settings.pluginsFolder);
        if (classpath == null) {
            classpath = new Admission(settings.contexts);
            ClasspathSpecialists.admit(classpath, settings.specialists, settings.discover, settings.classLoader);
        }
        Admission admission = classpath.seeded();
        Runnable unload = () -> { };
        if (!jars.isEmpty()) {
            HostPluginManager manager = new HostPluginManager(settings.pluginsFolder, settings.systemVersion);
            new JarScan(manager, admission).scan(jars).forEach(admission::admit);
            unload = () -> unloadAll(manager);
        }
        List<PluginReport.Entry> entries = new ArrayList<>(admission.entries);
        entries.sort(Comparator.comparing((PluginReport.Entry e) -> !e.source().equals(ClasspathSpecialists.SOURCE))
                .thenComparing(e -> e.source().equals(ClasspathSpecialists.SOURCE) ? "" : e.source()));
        PluginReport report = new PluginReport(entries);
        Snapshot previous = current;
        current = new Snapshot(admission, report, admission.started, unload);
        previous.release();
        loaded = true;
        report.refused().forEach(e -> LOG.log(System.Logger.Level.WARNING, "plugin refused: " + e));
        return report;
    }

    private static void unloadAll(HostPluginManager manager) {
        List<String> ids = manager.getPlugins().stream().map(p -> p.getPluginId()).toList();
        for (String id : ids.reversed()) {
            try {
                manager.unloadPlugin(id);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "unloading plugin " + id + " failed: " + Refusal.describe(e));
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new PluginHostException("the plugin host is closed");
        }
    }

    /** Configures a {@link PluginHost}. Not thread-safe. */
    public static final class Builder {
        private Path pluginsFolder;
        private Function<String, SpecialistContext> contexts;
        private final List<Specialist> specialists = new ArrayList<>();
        private boolean discover = true;
        private ClassLoader classLoader = PluginHost.class.getClassLoader();
        private String systemVersion = SPI_VERSION;

        private Builder() {
        }

        /** The folder of drop-in plugin JARs; none by default. A missing folder counts as empty. */
        public Builder pluginsFolder(Path folder) {
            this.pluginsFolder = Objects.requireNonNull(folder, "pluginsFolder");
            return this;
        }

        /** Makes the context each specialist is started with, by specialist name. Required. */
        public Builder contexts(Function<String, SpecialistContext> factory) {
            this.contexts = Objects.requireNonNull(factory, "contexts");
            return this;
        }

        /** Registers a specialist instance (embedded use); registered ones load first, in this order. */
        public Builder specialist(Specialist specialist) {
            specialists.add(Objects.requireNonNull(specialist, "specialist"));
            return this;
        }

        /** Whether to discover {@code Specialist}s with {@link java.util.ServiceLoader}; default true. */
        public Builder discoverClasspath(boolean value) {
            this.discover = value;
            return this;
        }

        /** The class loader for classpath discovery; default the host's own. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "classLoader");
            return this;
        }

        /** The version plugins' {@code Plugin-Requires} is checked against; default {@link #SPI_VERSION}. */
        public Builder systemVersion(String version) {
            this.systemVersion = Objects.requireNonNull(version, "systemVersion");
            return this;
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.pluginsFolder = pluginsFolder;
            copy.contexts = contexts;
            copy.specialists.addAll(specialists);
            copy.discover = discover;
            copy.classLoader = classLoader;
            copy.systemVersion = systemVersion;
            return copy;
        }

        /** Builds the host; nothing is loaded until {@link PluginHost#load()}. */
        public PluginHost build() {
            if (contexts == null) {
                throw new IllegalArgumentException("contexts: a SpecialistContext factory is required");
            }
            return new PluginHost(this);
        }
    }
}
