package dev.switchboard.coordinator.modes;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.SwitchboardException;
import dev.switchboard.spi.TimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * {@link ModeRegistry} over an optional folder. The modes in force sit in a volatile field that only a
 * complete, checked {@link ModeSet} replaces; reloads hold a lock so that two never interleave.
 */
final class ModeRegistryImpl implements ModeRegistry {

    private static final System.Logger LOG = System.getLogger(ModeRegistry.class.getName());

    private final Path folder;
    private final boolean builtins;
    private final Consumer<ModeSet> activation;
    private final TimeSource time;
    private final Duration debounce;
    private final List<ModeListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile ModeSet current;
    private volatile Instant activatedAt;
    private FolderWatcher watcher;
    private boolean closed;

    ModeRegistryImpl(ModeRegistry.Builder b) {
        this.folder = b.folder;
        this.builtins = b.builtins;
        this.activation = b.activation;
        this.time = b.time;
        this.debounce = b.debounce;
        ModeSet first = candidate();
        this.current = first;
        this.activatedAt = time.now();
    }

    @Override
    public ModeSet current() {
        return current;
    }

    @Override
    public Instant activatedAt() {
        return activatedAt;
    }

    @Override
    public ModeSet reload() {
        reloading.lock();
        try {
            ModeSet next;
            try {
                next = candidate();
            } catch (ConfigException e) {
                listeners.forEach(l -> notify(() -> l.onRejected(e)));
                throw e;
            }
            current = next;
            activatedAt = time.now();
            listeners.forEach(l -> notify(() -> l.onActivated(next)));
            return next;
        } finally {
            reloading.unlock();
        }
    }

    /** Loads and checks the files; throws without touching the modes in force. */
    private ModeSet candidate() {
        List<ModeLoader.Source> own = folder == null ? List.of() : ModeSources.folder(folder);
        ModeSet next = ModeLoader.load(builtins ? ModeSources.builtin() : List.of(), own);
        try {
            activation.accept(next);
        } catch (ConfigException e) {
            throw e;
        } catch (SwitchboardException | IllegalArgumentException | IllegalStateException e) {
            String where = folder == null ? "modes" : folder.toString();
            throw new ConfigException(where, "activation failed: " + e.getMessage());
        }
        return next;
    }

    @Override
    public AutoCloseable addListener(ModeListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    @Override
    public void watch() {
        reloading.lock();
        try {
            if (folder == null) {
                throw new IllegalStateException("this mode registry has no folder to watch");
            }
            if (closed) {
                throw new IllegalStateException("this mode registry is closed");
            }
            if (watcher == null) {
                watcher = FolderWatcher.start(folder, debounce, time, this::reloadQuietly);
            }
        } finally {
            reloading.unlock();
        }
    }

    private void reloadQuietly() {
        try {
            reload();
            LOG.log(System.Logger.Level.INFO, "modes reloaded from {0}", folder);
        } catch (ConfigException e) {
            LOG.log(System.Logger.Level.WARNING, "modes edit rejected, the running modes stay:\n{0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        FolderWatcher stopping;
        reloading.lock();
        try {
            closed = true;
            stopping = watcher;
            watcher = null;
        } finally {
            reloading.unlock();
        }
        if (stopping != null) {
            stopping.close();
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a mode listener failed", e);
        }
    }
}
