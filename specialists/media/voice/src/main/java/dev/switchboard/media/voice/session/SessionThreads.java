package dev.switchboard.media.voice.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The process-wide threads every session shares: a platform pool (one thread per core) for the
 * sessions' lanes (DSP: resampling, VAD, turn logic), a scheduler for timers, and virtual threads for
 * I/O (room signalling, tools). Created lazily, daemon threads. Thread-safe.
 */
final class SessionThreads {

    static final ExecutorService DSP = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().name("voice-dsp-", 0).daemon().factory());
    static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("voice-timers").daemon().factory());
    static final ExecutorService IO = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("voice-io-", 0).factory());

    private SessionThreads() {
    }
}
