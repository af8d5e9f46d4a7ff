package dev.switchboard.bench.rtc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time and resident memory of one process at one instant, read from {@code /proc}: CPU from
 * {@link ProcessHandle.Info#totalCpuDuration()} (user + system, all threads), RSS from the
 * {@code VmRSS} line of {@code /proc/PID/status}. Immutable.
 *
 * @param wallNanos {@link System#nanoTime()} when it was read
 * @param cpuNanos CPU time used since the process started
 * @param rssKib resident set size in KiB
 */
record ProcessFootprint(long wallNanos, long cpuNanos, long rssKib) {

    static ProcessFootprint self() {
        return of(ProcessHandle.current());
    }

    static ProcessFootprint of(ProcessHandle process) {
        long cpu = process.info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + process.pid()));
        return new ProcessFootprint(System.nanoTime(), cpu, rssKib(process.pid()));
    }

    /** Cores used between {@code earlier} and this sample (1.0 = one core busy all the time). */
    double coresSince(ProcessFootprint earlier) {
        return (double) (cpuNanos - earlier.cpuNanos) / (wallNanos - earlier.wallNanos);
    }

    double rssMib() {
        return rssKib / 1024.0;
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
        }
        throw new IllegalStateException("no VmRSS line in /proc/" + pid + "/status");
    }

    /** The 1-minute load average from {@code /proc/loadavg}, for the report. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
