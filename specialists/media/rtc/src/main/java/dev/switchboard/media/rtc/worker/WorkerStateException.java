package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.RtcException;

/**
 * A worker or job call made in the wrong state: {@link AgentWorker#start()} twice or after close, or
 * {@link JobContext#room()} before the job joined. Immutable, thread-safe.
 */
public final class WorkerStateException extends RtcException {

    WorkerStateException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "conflict";
    }
}
