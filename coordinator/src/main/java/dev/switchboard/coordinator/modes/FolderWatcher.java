package dev.switchboard.coordinator.modes;

import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches one folder for changes to {@code *.toml} files and calls back once the folder has been quiet
 * for the debounce time, so that an editor's save (often several events) causes one reload. Runs on
 * one daemon platform thread; {@link #close()} stops it. Thread-safe.
 */
final class FolderWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());

    private final WatchService service;
    private final long debounceNanos;
    private final TimeSource time;
    private final Runnable onChange;
    private final Thread thread;

    private FolderWatcher(Path folder, Duration debounce, TimeSource time, Runnable onChange) throws IOException {
        this.service = folder.getFileSystem().newWatchService();
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.debounceNanos = debounce.toNanos();
        this.time = time;
        this.onChange = onChange;
        this.thread = Thread.ofPlatform().daemon().name("switchboard-modes-watch").unstarted(this::run);
    }

    /** Starts watching {@code folder}. */
    static FolderWatcher start(Path folder, Duration debounce, TimeSource time, Runnable onChange) {
        try {
            FolderWatcher watcher = new FolderWatcher(folder, debounce, time, onChange);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder, e);
        }
    }

    private void run() {
        try {
            while (true) {
                if (!relevant(service.take())) {
                    continue;
                }
                long lastEvent = time.nanos();
                while (true) {
                    long quiet = time.nanos() - lastEvent;
                    if (quiet >= debounceNanos) {
                        break;
                    }
                    WatchKey more = service.poll(Math.max(1, debounceNanos - quiet), TimeUnit.NANOSECONDS);
                    if (more != null && relevant(more)) {
                        lastEvent = time.nanos();
                    }
                }
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the modes folder watcher stopped", e);
        }
    }

    /** Drains the key's events; whether any concerns a mode file (or events were lost). */
    private static boolean relevant(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || event.context() instanceof Path p && p.getFileName().toString().endsWith(".toml")) {
                relevant = true;
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the watch service", e);
        }
        thread.interrupt();
    }
}
