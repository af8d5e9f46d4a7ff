package dev.switchboard.media.rtc.worker;

import java.time.Instant;
import java.util.Objects;

/**
 * One job as the server assigned it. Immutable, thread-safe.
 *
 * @param id the job id ({@code AJ_…})
 * @param dispatchId the dispatch that created it ("" for automatic dispatch on older servers)
 * @param type the job type
 * @param roomName the room the job runs in
 * @param agentName the agent name the job was dispatched to ("" for automatic dispatch)
 * @param metadata the dispatch's metadata ("" when none)
 * @param participantIdentity the participant a publisher/participant job is about ("" for room jobs)
 * @param identity the identity this worker's participant joins the room with
 * @param acceptedAt when the worker accepted the job
 */
public record JobInfo(String id, String dispatchId, JobType type, String roomName, String agentName,
                      String metadata, String participantIdentity, String identity, Instant acceptedAt) {

    /** Checks every field is present. */
    public JobInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dispatchId, "dispatchId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(roomName, "roomName");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(participantIdentity, "participantIdentity");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
