package dev.switchboard.specialist.media;

import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.media.rtc.worker.JobHandler;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.SpecialistContext;
import java.util.Objects;

/**
 * What a started media specialist shares between its handlers: the context, the LiveKit settings, the
 * job handler the worker runs, and one {@link RtcClient} (the native WebRTC engine), created on first
 * use because loading it costs time and memory that operations without media do not need.
 * Thread-safe.
 */
final class MediaRuntime implements AutoCloseable {

    private final SpecialistContext context;
    private final LiveKitSettings liveKit;
    private volatile JobHandler jobHandler;
    private RtcClient rtc;
    private boolean closed;

    MediaRuntime(SpecialistContext context, LiveKitSettings liveKit) {
        this.context = Objects.requireNonNull(context, "context");
        this.liveKit = Objects.requireNonNull(liveKit, "liveKit");
        this.jobHandler = new PresenceJobHandler(context.events(), context.time());
    }

    SpecialistContext context() {
        return context;
    }

    LiveKitSettings liveKit() {
        return liveKit;
    }

    /** What the worker runs in each job; by default {@link PresenceJobHandler}. */
    JobHandler jobHandler() {
        return jobHandler;
    }

    /** Replaces the job handler for workers started from now on. */
    void useJobHandler(JobHandler handler) {
        this.jobHandler = Objects.requireNonNull(handler, "handler");
    }

    /** The shared WebRTC engine, started on the first call. */
    synchronized RtcClient rtc() {
        if (closed) {
            throw new IllegalStateException("the media specialist is stopped");
        }
        if (rtc == null) {
            rtc = RtcClient.create();
        }
        return rtc;
    }

    /** Closes the engine (and with it every session still open). Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (rtc != null) {
            rtc.close();
            rtc = null;
        }
    }
}
