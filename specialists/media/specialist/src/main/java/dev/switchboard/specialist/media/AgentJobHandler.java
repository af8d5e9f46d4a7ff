package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.rtc.worker.JobContext;
import dev.switchboard.media.rtc.worker.JobHandler;
import dev.switchboard.media.rtc.worker.JobInfo;
import dev.switchboard.media.voice.session.AgentSession;
import dev.switchboard.media.voice.session.SessionOptions;
import dev.switchboard.media.voice.session.SessionReport;
import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.spi.TimeSource;

/**
 * A worker job: runs an {@link AgentSession} of the worker's agent in the job's room until the job is
 * shut down or the user leaves, and tells Switchboard's listeners {@code media.job.started} and
 * {@code media.job.ended} (with the session {@code report}, or the {@code error} that stopped it).
 * Thread-safe (immutable; one session per job).
 */
final class AgentJobHandler implements JobHandler {

    private final ResolvedAgent agent;
    private final SessionOptions options;
    private final EventPublisher events;
    private final TimeSource time;

    AgentJobHandler(MediaRuntime runtime, ResolvedAgent agent) {
        this.agent = agent;
        this.options = AgentRunner.options(runtime, agent, AgentRunner.RoomInput.DEFAULTS);
        this.events = runtime.context().events();
        this.time = runtime.context().time();
    }

    @Override
    public void run(JobContext job) {
        publish("media.job.started", job, Json.object());
        SessionReport report;
        try {
            report = AgentSession.run(job.room(), agent.agent(), options, job::awaitShutdown);
        } catch (RuntimeException e) {
            publish("media.job.ended", job, Json.object().put("error", e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
            throw e;
        }
        ObjectNode ended = Json.object();
        job.shutdownReason().ifPresent(r -> ended.put("reason", r));
        ended.set("report", Json.object(report.toJson()));
        publish("media.job.ended", job, ended);
    }

    private void publish(String type, JobContext job, ObjectNode extra) {
        JobInfo info = job.job();
        ObjectNode data = Json.object().put("job-id", info.id()).put("room", info.roomName())
                .put("agent-name", info.agentName()).put("agent", agent.agent().name())
                .put("identity", info.identity()).put("worker-id", job.workerId()).put("metadata", info.metadata());
        data.setAll(extra);
        events.publish(new SwitchboardEvent(type, "media", time.now(), data));
    }
}
