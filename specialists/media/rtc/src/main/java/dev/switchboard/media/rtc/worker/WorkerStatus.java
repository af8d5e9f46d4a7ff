package dev.switchboard.media.rtc.worker;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of an {@link AgentWorker}. Immutable, thread-safe.
 *
 * @param state the life-cycle state
 * @param workerId the id the server gave at the last registration ("" before the first)
 * @param load the load last reported, running jobs divided by {@code maxJobs} (0..1)
 * @param jobs the jobs running now
 * @param accepted availability requests answered yes since start
 * @param refused availability requests answered no since start (full, draining, closing)
 * @param succeeded jobs that ended with {@code JS_SUCCESS}
 * @param failed jobs that ended with {@code JS_FAILED}
 * @param reconnects how many times the worker WebSocket was re-opened after a loss
 */
public record WorkerStatus(WorkerState state, String workerId, double load, List<JobInfo> jobs,
                           long accepted, long refused, long succeeded, long failed, long reconnects) {

    /** Checks and copies. */
    public WorkerStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(workerId, "workerId");
        jobs = List.copyOf(jobs);
    }
}
