package dev.switchboard.media.rtc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onvoid.webrtc.RTCIceCandidate;

/**
 * {@code TrickleRequest.candidateInit} is the JSON of a browser {@code RTCIceCandidateInit}
 * ({@code candidate}, {@code sdpMid}, {@code sdpMLineIndex}). Stateless, thread-safe.
 */
final class IceCandidateJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IceCandidateJson() {
    }

    static String write(RTCIceCandidate candidate) {
        ObjectNode node = JSON.createObjectNode();
        node.put("candidate", candidate.sdp);
        node.put("sdpMid", candidate.sdpMid);
        node.put("sdpMLineIndex", candidate.sdpMLineIndex);
        return node.toString();
    }

    /** Parses the JSON; throws {@link RtcStateException} naming the missing key. */
    static RTCIceCandidate read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RtcStateException("trickle candidateInit is not JSON: " + e.getOriginalMessage());
        }
        JsonNode candidate = node.path("candidate");
        if (!candidate.isTextual()) {
            throw new RtcStateException("trickle candidateInit: $.candidate missing");
        }
        String mid = node.path("sdpMid").asText("0");
        int index = node.path("sdpMLineIndex").asInt(0);
        return new RTCIceCandidate(mid, index, candidate.asText());
    }
}
