package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import livekit.LivekitAgent;

/**
 * Runs one assigned job on its own virtual thread: joins the room with the assignment's token (or one
 * it mints when the assignment has none), reports {@code JS_RUNNING}, runs the handler, reports
 * {@code JS_SUCCESS} or {@code JS_FAILED} before leaving the room (leaving first would make the server
 * record the job as failed), then runs the shutdown hooks and leaves. Thread-safe.
 */
final class JobRunner {

    private static final System.Logger LOG = System.getLogger(AgentWorker.class.getName());

    private final WorkerOptions o;
    private final RtcClient rtc;
    private final boolean ownsRtc;
    private final AgentWorkerImpl worker;

    JobRunner(WorkerOptions o, RtcClient rtc, boolean ownsRtc, AgentWorkerImpl worker) {
        this.o = o;
        this.rtc = rtc;
        this.ownsRtc = ownsRtc;
        this.worker = worker;
    }

    void run(RunningJob job, LivekitAgent.JobAssignment assignment) {
        JobInfo info = job.job();
        String error = "";
        RoomSession session = null;
        try {
            session = rtc.connect(ConnectOptions.builder(url(assignment), token(assignment, info)).time(o.time())
                    .build());
            job.attach(session);
            session.addListener(new RoomListener() {
                @Override
                public void onDisconnected(String reason) {
                    job.shutdown("room session ended: " + reason);
                }
            });
            worker.jobStatus(info.id(), LivekitAgent.JobStatus.JS_RUNNING, "");
            o.handler().run(job);
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "agent job {0} in room {1} failed: {2}", info.id(), info.roomName(), error);
        }
        boolean success = error.isEmpty();
        try {
            worker.jobStatus(info.id(), success ? LivekitAgent.JobStatus.JS_SUCCESS
                    : LivekitAgent.JobStatus.JS_FAILED, error).get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "agent job {0}: final status not confirmed as sent", info.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        job.ended();
        if (session != null) {
            session.close();
        }
        worker.jobEnded(job, success);
    }

    private URI url(LivekitAgent.JobAssignment a) {
        return a.hasUrl() && !a.getUrl().isBlank() ? URI.create(a.getUrl()) : o.url();
    }

    private Secret token(LivekitAgent.JobAssignment a, JobInfo info) {
        if (!a.getToken().isBlank()) {
            return Secret.of("job-assignment-token:" + info.id(), a.getToken());
        }
        return WorkerTokens.job(o, info.roomName(), info.identity(),
                o.agentName().isEmpty() ? "agent" : o.agentName());
    }

    /** Closes the WebRTC engine when the worker created it. */
    void close() {
        if (ownsRtc) {
            rtc.close();
        }
    }
}
