package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.rtc.worker.AgentWorker;
import dev.switchboard.media.rtc.worker.JobInfo;
import dev.switchboard.media.rtc.worker.WorkerRegistrationException;
import dev.switchboard.media.rtc.worker.WorkerStatus;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code media.worker.start|stop|status}: one LiveKit agent worker run inside the specialist (worker
 * mode). It registers with the specialist's LiveKit settings and runs an {@link AgentJobHandler} for the
 * configured agent in every job LiveKit dispatches to it; the agent is resolved at start, so an unknown
 * name or a bad definition fails {@code media.worker.start}. Thread-safe: start and stop are serialised.
 */
final class WorkerOperations implements OperationHandler {

    static final OperationSet SET = new OperationSet(WorkerDescriptors.ALL, WorkerOperations::new);

    private final MediaRuntime runtime;
    private AgentWorker worker;
    private WorkerSettings settings;

    WorkerOperations(MediaRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public OperationResult execute(OperationRequest request) {
        return switch (request.operation()) {
            case "media.worker.start" -> start(request.params());
            case "media.worker.stop" -> stop(request.params());
            default -> status();
        };
    }

    private synchronized OperationResult start(ObjectNode params) {
        if (worker != null) {
            return OperationResult.failure(FailureCode.CONFLICT, "the agent worker already runs (worker id "
                    + worker.status().workerId() + ", agent name '" + settings.agentName() + "')");
        }
        WorkerSettings s = WorkerSettings.from(runtime.context().config(), params);
        ResolvedAgent agent;
        try {
            agent = runtime.agents().resolve(s.agent(), Optional.empty());
        } catch (AgentStartException e) {
            return e.toFailure();
        }
        var lk = runtime.liveKit();
        AgentWorker w = AgentWorker.builder().url(lk.url()).apiKey(lk.apiKey()).apiSecret(lk.apiSecret())
                .agentName(s.agentName()).jobType(s.jobType()).loadThreshold(s.loadThreshold())
                .maxJobs(s.maxJobs()).drainTimeout(s.drainTimeout()).rtc(runtime.rtc())
                .time(runtime.context().time()).handler(new AgentJobHandler(runtime, agent)).build();
        try {
            w.start();
        } catch (WorkerRegistrationException e) {
            return OperationResult.failure(e.code(), e.getMessage());
        }
        worker = w;
        settings = s;
        ObjectNode payload = describe(w.status());
        return OperationResult.success(payload, Json.object());
    }

    private OperationResult stop(ObjectNode params) {
        AgentWorker w;
        WorkerSettings s;
        synchronized (this) {
            w = worker;
            s = settings;
            worker = null;
            settings = null;
        }
        if (w == null) {
            return OperationResult.success(Json.object().put("was-running", false).put("drained", true));
        }
        Duration timeout = params.has("drain-timeout")
                ? WorkerSettings.duration("drain-timeout", params.path("drain-timeout").asText()) : s.drainTimeout();
        boolean drained = w.stop(timeout);
        WorkerStatus last = w.status();
        return OperationResult.success(Json.object().put("was-running", true).put("drained", drained)
                .put("succeeded", last.succeeded()).put("failed", last.failed()));
    }

    private synchronized OperationResult status() {
        if (worker == null) {
            return OperationResult.success(Json.object().put("running", false));
        }
        return OperationResult.success(describe(worker.status()));
    }

    private ObjectNode describe(WorkerStatus st) {
        ObjectNode out = Json.object().put("running", true).put("state", st.state().name().toLowerCase(
                java.util.Locale.ROOT)).put("worker-id", st.workerId())
                .put("agent-name", settings == null ? "" : settings.agentName())
                .put("agent", settings == null ? "" : settings.agent()).put("load", st.load())
                .put("accepted", st.accepted()).put("refused", st.refused()).put("succeeded", st.succeeded())
                .put("failed", st.failed()).put("reconnects", st.reconnects());
        ArrayNode jobs = out.putArray("jobs");
        List<JobInfo> running = st.jobs();
        running.forEach(j -> jobs.addObject().put("id", j.id()).put("room", j.roomName())
                .put("identity", j.identity()).put("accepted-at", j.acceptedAt().toString()));
        return out;
    }

    @Override
    public void close() {
        AgentWorker w;
        synchronized (this) {
            w = worker;
            worker = null;
        }
        if (w != null) {
            w.close();
        }
    }
}
