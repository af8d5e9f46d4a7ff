package dev.switchboard.media.voice.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The process-wide threads every session shares: a platform pool (one thread per core) for the
 * sessions' lanes (DSP: resampling, VAD, turn logic), a scheduler for timers, and virtual threads for
 * I/O (room signalling, tools). The platform threads start with the class (see {@link #prestarted}),
 * daemon threads. Thread-safe.
 */
final class SessionThreads {

    static final ExecutorService DSP = prestarted(new ThreadPoolExecutor(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            Math.max(2, Runtime.getRuntime().availableProcessors()), 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), Thread.ofPlatform().name("voice-dsp-", 0).daemon().factory()));
    static final ScheduledExecutorService TIMERS = prestarted(new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("voice-timers").daemon().factory()));
    static final ExecutorService IO = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("voice-io-", 0).factory());

    private SessionThreads() {
    }

    /**
     * Starts the pool's threads now, on the thread initialising this class (a session's creator), not
     * lazily on the first submitter: a Linux thread inherits its creator's scheduling policy, and the
     * first frame is submitted from WebRTC's real-time audio thread (SCHED_FIFO when the process may
     * raise priorities, e.g. as root), which made a DSP thread real-time: its VAD work then starved
     * the pacers and signalling on that core.
     */
    private static <T extends ThreadPoolExecutor> T prestarted(T pool) {
        pool.prestartAllCoreThreads();
        return pool;
    }
}
