/**
 * A LiveKit agent worker in Java: registers on the server's {@code /agent} WebSocket, accepts the
 * jobs LiveKit's dispatcher offers (automatic or explicit dispatch), joins each job's room with the
 * {@link dev.switchboard.media.rtc.RtcClient} and runs a {@link
 * dev.switchboard.media.rtc.worker.JobHandler} in it. Start with {@link
 * dev.switchboard.media.rtc.worker.AgentWorker#builder()}. Nothing here is null: absent values are
 * {@link java.util.Optional} return values or empty strings.
 */
package dev.switchboard.media.rtc.worker;
