package dev.switchboard.bench;

import dev.switchboard.media.voice.vad.Vad;
import dev.switchboard.media.voice.vad.VadEvent;
import dev.switchboard.media.voice.vad.VadListener;
import dev.switchboard.media.voice.vad.VadOptions;
import dev.switchboard.media.voice.vad.VadStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times a detector per window the way {@code bench/python/silero_window.py} times the Python
 * reference (200 warm-up windows, then rounds of N windows; medians of wall and thread CPU time),
 * so the two figures compare like with like. Not thread-safe.
 */
final class VadCpuTimer {

    private VadCpuTimer() {
    }

    /** {wall ns, cpu ns} per window of {@code window} samples. */
    static double[] measure(Vad vad, int window, int rounds, int windows) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        short[] audio = VadBench.signal();
        int chunks = audio.length / window;
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        try (vad; VadStream stream = vad.stream(VadOptions.defaults(), new VadListener() {
            @Override
            public void onSpeechStart(VadEvent event) {
            }

            @Override
            public void onSpeechEnd(VadEvent event) {
            }
        })) {
            for (int k = 0; k < 200; k++) {
                stream.push(audio, (k % chunks) * window, window);
            }
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < windows; k++) {
                    stream.push(audio, (k % chunks) * window, window);
                }
                cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) windows;
                wall[r] = (System.nanoTime() - start) / (double) windows;
            }
        }
        return new double[] {median(wall), median(cpu)};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
