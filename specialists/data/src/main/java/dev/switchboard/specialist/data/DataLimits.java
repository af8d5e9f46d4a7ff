package dev.switchboard.specialist.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Payload size limits of {@code data.send}: reliable packets up to 15 KiB and lossy ones up to
 * 1,300 bytes by default (LiveKit's guidance: lossy packets must fit one network packet; larger
 * reliable messages belong in a data stream). Immutable.
 *
 * @param maxReliableBytes the largest reliable payload
 * @param maxLossyBytes the largest lossy payload
 */
record DataLimits(int maxReliableBytes, int maxLossyBytes) {

    static final DataLimits DEFAULT = new DataLimits(15 * 1024, 1300);

    static DataLimits from(JsonNode config) {
        return new DataLimits(config.path("max-reliable-bytes").asInt(DEFAULT.maxReliableBytes),
                config.path("max-lossy-bytes").asInt(DEFAULT.maxLossyBytes));
    }

    /** The payload bytes of a request: {@code data} as UTF-8, or {@code data-base64} decoded. */
    static byte[] payload(ObjectNode params) {
        if (params.hasNonNull("data-base64")) {
            return Base64.getDecoder().decode(params.path("data-base64").asText());
        }
        return params.path("data").asText("").getBytes(StandardCharsets.UTF_8);
    }

    /** The violation when the request's payload is not valid or over its kind's limit. */
    Optional<Violation> check(ObjectNode params) {
        try {
            return checkSize(params, payload(params).length);
        } catch (IllegalArgumentException e) {
            return Optional.of(badBase64(e));
        }
    }

    /** The violation when a payload of {@code size} bytes is over the limit of the request's kind. */
    Optional<Violation> checkSize(ObjectNode params, int size) {
        boolean lossy = "lossy".equals(params.path("kind").asText("reliable"));
        int limit = lossy ? maxLossyBytes : maxReliableBytes;
        if (size <= limit) {
            return Optional.empty();
        }
        String path = params.hasNonNull("data-base64") ? "$.data-base64" : "$.data";
        return Optional.of(new Violation("data.too-large", path,
                "the " + (lossy ? "lossy" : "reliable") + " payload is " + size + " bytes, over the limit of "
                        + limit + " bytes",
                lossy ? "send it as kind = \"reliable\" (up to " + maxReliableBytes + " bytes) or split it"
                        : "split it into several messages of at most " + limit + " bytes"));
    }

    static Violation badBase64(IllegalArgumentException e) {
        return new Violation("data.base64", "$.data-base64",
                "data-base64 is not valid base64: " + e.getMessage(), "encode the bytes with standard base64");
    }
}
