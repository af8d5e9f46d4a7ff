package dev.switchboard.media.rtc;

/**
 * Answers one RPC method. Runs on a virtual thread per call; return the response payload or throw
 * {@link RpcException} to answer with an error. Must be thread-safe (calls may overlap).
 */
@FunctionalInterface
public interface RpcHandler {

    /**
     * Handles a call.
     *
     * @param callerIdentity who called
     * @param payload the request payload
     * @return the response payload (at most 15 360 bytes of UTF-8)
     */
    String handle(String callerIdentity, String payload);
}
