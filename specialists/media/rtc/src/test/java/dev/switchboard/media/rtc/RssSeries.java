package dev.switchboard.media.rtc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resident memory of this process sampled over time ({@code VmRSS} from {@code /proc/self/status}), with
 * the figures the soak test judges: the value when warm-up ended, the highest after it, and the
 * least-squares slope after it. Each sample follows a full collection ({@link System#gc()}; G1 then
 * returns surplus heap), so the series shows memory that cannot be reclaimed (a leak, Java or native),
 * not how far the collector chose to grow the heap: without it, a 10-minute run once grew 15 MiB/min
 * with 13 MiB of live heap. Not thread-safe.
 */
final class RssSeries {

    /** One sample: seconds since the start and RSS in KiB. */
    record Sample(double seconds, long kib) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final double warmUpSeconds;

    RssSeries(double warmUpSeconds) {
        this.warmUpSeconds = warmUpSeconds;
    }

    void sample(double seconds) {
        System.gc();
        samples.add(new Sample(seconds, rssKib()));
    }

    int size() {
        return samples.size();
    }

    List<Sample> afterWarmUp() {
        return samples.stream().filter(s -> s.seconds() >= warmUpSeconds).toList();
    }

    /** RSS at the first sample after warm-up (the reference growth is measured from). */
    double warmMib() {
        return afterWarmUp().getFirst().kib() / 1024.0;
    }

    /** Highest RSS after warm-up minus {@link #warmMib()}. */
    double growthMib() {
        return afterWarmUp().stream().mapToLong(Sample::kib).max().orElseThrow() / 1024.0 - warmMib();
    }

    /** Least-squares slope of RSS after warm-up, MiB per minute. */
    double slopeMibPerMinute() {
        List<Sample> after = afterWarmUp();
        double mx = after.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double my = after.stream().mapToDouble(Sample::kib).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : after) {
            num += (s.seconds() - mx) * (s.kib() - my);
            den += (s.seconds() - mx) * (s.seconds() - mx);
        }
        return den == 0 ? 0 : num / den * 60 / 1024;
    }

    /** One line: first, warm, max, last and the slope, then one value per minute. */
    String summary() {
        StringBuilder perMinute = new StringBuilder();
        double next = 0;
        for (Sample s : samples) {
            if (s.seconds() >= next) {
                perMinute.append(String.format(Locale.ROOT, " %.0fs:%d", s.seconds(), s.kib() / 1024));
                next += 60;
            }
        }
        return String.format(Locale.ROOT, "rss MiB: first %d, after %.0f s warm-up %.0f, max after warm-up +%.1f,"
                        + " last %d, slope %.2f MiB/min, %d samples; per minute:%s",
                samples.getFirst().kib() / 1024, warmUpSeconds, warmMib(), growthMib(),
                samples.getLast().kib() / 1024, slopeMibPerMinute(), samples.size(), perMinute);
    }

    private static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
