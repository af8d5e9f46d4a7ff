package dev.switchboard.coordinator.http;

import dev.switchboard.spi.TimeSource;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook event ids seen within a time window, kept in memory and in an append-only file
 * ({@code <epoch millis> <id>} per line) so a restart does not deliver an event twice. The file is
 * compacted at open and whenever it holds twice as many lines as live ids; a torn last line (crash
 * mid-write) is skipped with a warning. Writes use a plain (not interruptible) stream so an
 * interrupted request thread cannot close the log for everyone. Thread-safe (one lock; the file
 * write happens under it).
 */
final class SeenEventLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SeenEventLog.class);

    private final Path file;
    private final Duration window;
    private final int maxEntries;
    private final boolean fsync;
    private final TimeSource time;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
    private FileOutputStream out;
    private int lines;

    private SeenEventLog(Path file, Duration window, int maxEntries, boolean fsync, TimeSource time) {
        this.file = file;
        this.window = window;
        this.maxEntries = maxEntries;
        this.fsync = fsync;
        this.time = time;
    }

    /** Opens (creating if needed) the log, loading the ids still inside the window. */
    static SeenEventLog open(Path file, Duration window, int maxEntries, boolean fsync, TimeSource time)
            throws IOException {
        SeenEventLog log = new SeenEventLog(file, window, maxEntries, fsync, time);
        log.load();
        log.compact();
        return log;
    }

    /** Records {@code id}; true when it was not seen within the window (the event is new). */
    boolean markIfNew(String id) {
        lock.lock();
        try {
            long now = time.now().toEpochMilli();
            evict(now);
            if (seen.containsKey(id)) {
                return false;
            }
            append(now, id);
            seen.put(id, now);
            evict(now);
            if (lines > Math.max(1_000, 2 * seen.size())) {
                compact();
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seen-event log " + file, e);
        } finally {
            lock.unlock();
        }
    }

    /** How many ids are remembered. */
    int size() {
        lock.lock();
        try {
            return seen.size();
        } finally {
            lock.unlock();
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long cutoff = time.now().minus(window).toEpochMilli();
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        int skipped = 0;
        for (String line : all) {
            int space = line.indexOf(' ');
            try {
                long at = Long.parseLong(line.substring(0, Math.max(space, 0)));
                String id = line.substring(space + 1);
                if (at >= cutoff && !id.isEmpty()) {
                    seen.remove(id);
                    seen.put(id, at);
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("seen-event log {}: skipped {} unreadable line(s) (a torn write from a crash?)", file, skipped);
        }
        evict(time.now().toEpochMilli());
    }

    private void evict(long now) {
        long cutoff = now - window.toMillis();
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> eldest = it.next();
            if (eldest.getValue() >= cutoff && seen.size() <= maxEntries) {
                break;
            }
            it.remove();
        }
    }

    private void append(long at, String id) throws IOException {
        out.write((at + " " + id + "\n").getBytes(StandardCharsets.UTF_8));
        if (fsync) {
            out.getFD().sync();
        }
        lines++;
    }

    private void compact() throws IOException {
        if (out != null) {
            out.close();
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "seen-events", ".tmp");
        StringBuilder text = new StringBuilder();
        seen.forEach((id, at) -> text.append(at).append(' ').append(id).append('\n'));
        try (FileOutputStream writer = new FileOutputStream(temp.toFile())) {
            writer.write(text.toString().getBytes(StandardCharsets.UTF_8));
            writer.getFD().sync();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = new FileOutputStream(file.toFile(), true);
        lines = seen.size();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the seen-event log {}: {}", file, e.toString());
        } finally {
            lock.unlock();
        }
    }
}
