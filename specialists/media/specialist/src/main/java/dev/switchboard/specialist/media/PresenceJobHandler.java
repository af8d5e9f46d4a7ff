package dev.switchboard.specialist.media;

import dev.switchboard.media.rtc.worker.JobContext;
import dev.switchboard.media.rtc.worker.JobHandler;
import dev.switchboard.media.rtc.worker.JobInfo;
import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.spi.TimeSource;

/**
 * The worker's default job: be present in the room until the job ends, and tell Switchboard's listeners
 * ({@code media.job.started}, {@code media.job.ended}). Voice agents replace it through
 * {@link MediaRuntime#useJobHandler}. Stateless, thread-safe.
 */
final class PresenceJobHandler implements JobHandler {

    private final EventPublisher events;
    private final TimeSource time;

    PresenceJobHandler(EventPublisher events, TimeSource time) {
        this.events = events;
        this.time = time;
    }

    @Override
    public void run(JobContext job) {
        publish("media.job.started", job, "");
        job.awaitShutdown();
        publish("media.job.ended", job, job.shutdownReason().orElse(""));
    }

    private void publish(String type, JobContext job, String reason) {
        JobInfo info = job.job();
        var data = Json.object().put("job-id", info.id()).put("room", info.roomName())
                .put("agent-name", info.agentName()).put("identity", info.identity())
                .put("worker-id", job.workerId()).put("metadata", info.metadata());
        if (!reason.isEmpty()) {
            data.put("reason", reason);
        }
        events.publish(new SwitchboardEvent(type, "media", time.now(), data));
    }
}
