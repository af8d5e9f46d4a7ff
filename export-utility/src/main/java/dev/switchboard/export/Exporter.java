package dev.switchboard.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Makes, writes and checks exports. Every rendering is deterministic (no timestamps), so
 * {@link #check} can compare an existing export with what the current configuration produces, and no
 * rendering contains a secret value ({@link SecretGuard} refuses it). Stateless, thread-safe.
 *
 * <pre>{@code
 * ExportInput in = ...;
 * Exporter.write(ExportFormat.COMPOSE, in, Path.of("deploy"), (done, total) -> { });
 * List<Drift> drift = Exporter.check(ExportFormat.COMPOSE, in, Path.of("deploy"));
 * }</pre>
 */
public final class Exporter {

    private Exporter() {
    }

    /**
     * The files of {@code format}, by path relative to the export folder, in path order.
     *
     * @throws ExportException when a file would contain a secret value
     */
    public static SortedMap<String, String> render(ExportFormat format, ExportInput in) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(in, "in");
        SortedMap<String, String> files = new TreeMap<>(format.render(in));
        SecretGuard.check(in.config(), files);
        return Collections.unmodifiableSortedMap(files);
    }

    /**
     * Writes the files of {@code format} under {@code dir} (created when absent), reporting
     * {@code (written, total)} after each file.
     *
     * @return the files written
     * @throws ExportException when a file cannot be written, naming it
     */
    public static List<Path> write(ExportFormat format, ExportInput in, Path dir,
            BiConsumer<Integer, Integer> progress) {
        SortedMap<String, String> files = render(format, in);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new ExportException("cannot write " + target + ": " + ex.getClass().getSimpleName(), ex);
            }
            written.add(target);
            progress.accept(written.size(), files.size());
        }
        return written;
    }

    /**
     * Compares the export under {@code dir} with what {@code in} produces now.
     *
     * @return every missing or changed file (empty: no drift), in path order
     */
    public static List<Drift> check(ExportFormat format, ExportInput in, Path dir) {
        List<Drift> drift = new ArrayList<>();
        for (Map.Entry<String, String> e : render(format, in).entrySet()) {
            Path existing = dir.resolve(e.getKey());
            if (!Files.isRegularFile(existing)) {
                drift.add(new Drift(e.getKey(), Drift.Kind.MISSING, ""));
                continue;
            }
            String found;
            try {
                found = Files.readString(existing, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new ExportException("cannot read " + existing + ": " + ex.getClass().getSimpleName(), ex);
            }
            if (!found.equals(e.getValue())) {
                drift.add(new Drift(e.getKey(), Drift.Kind.CHANGED, firstDifference(e.getValue(), found)));
            }
        }
        return drift;
    }

    static String firstDifference(String expected, String found) {
        String[] a = expected.split("\n", -1);
        String[] b = found.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": expected '" + shorten(x) + "', found '" + shorten(redact(y)) + "'";
            }
        }
        return "";
    }

    /** A found line that may set a secret shows only its key: operators do fill exported files in. */
    static String redact(String line) {
        if (!line.toUpperCase(java.util.Locale.ROOT).matches(".*(SECRET|TOKEN|PASSWORD|KEY).*")) {
            return line;
        }
        int cut = line.indexOf('=') >= 0 ? line.indexOf('=') : line.indexOf(':');
        return cut < 0 ? "<redacted>" : line.substring(0, cut + 1) + "<redacted>";
    }

    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
