package dev.switchboard.specialist.auth;

import dev.switchboard.spi.OperationDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The auth specialist's operations and their JSON Schemas. Output fields that carry a credential are
 * marked {@code "x-secret": true} so journals and exports can redact them. Constants only.
 */
final class AuthDescriptors {

    private static final String TOKEN = """
            {"type":"string","minLength":1,"maxLength":65536,"x-secret":true,
             "description":"a LiveKit access token (JWT); 'Bearer ' prefix allowed"}""";
    private static final String GRANTS = """
            {"type":"object","additionalProperties":false,"properties":{%s,
              "can-publish-sources":{"type":"array","uniqueItems":true,
                "items":{"enum":["camera","microphone","screen_share","screen_share_audio"]}}}}""".formatted(
            Arrays.stream(Grant.values()).map(g -> "\"" + g.key() + "\":{\"type\":\"boolean\"}")
                    .collect(Collectors.joining(",")));
    private static final String ROOM_CONFIG = """
            {"type":"object","additionalProperties":false,"properties":{
              "empty-timeout":{"type":"integer","minimum":0,"description":"seconds an empty room lives"},
              "departure-timeout":{"type":"integer","minimum":0,"description":"seconds after the last one leaves"},
              "max-participants":{"type":"integer","minimum":0},
              "metadata":{"type":"string","maxLength":65536},
              "min-playout-delay":{"type":"integer","minimum":0},
              "max-playout-delay":{"type":"integer","minimum":0},
              "sync-streams":{"type":"boolean"},
              "agents":{"type":"array","items":{"type":"object","required":["agent-name"],
                "additionalProperties":false,"properties":{
                  "agent-name":{"type":"string","minLength":1},"metadata":{"type":"string"}}}}}}""";

    static final OperationDescriptor MINT = OperationDescriptor.builder("token.mint")
            .description("Mints a LiveKit access token from a permission preset, with identity, TTL and room config.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"properties":{
                  "identity":{"type":"string","minLength":1,"maxLength":256},
                  "room":{"type":"string","minLength":1,"maxLength":256},
                  "preset":{"type":"string","pattern":"^[a-z][a-z0-9-]*$"},
                  "name":{"type":"string","maxLength":256},
                  "metadata":{"type":"string","maxLength":65536},
                  "attributes":{"type":"object","additionalProperties":{"type":"string"}},
                  "ttl":{"oneOf":[{"type":"string","pattern":"^[0-9]+[smhd]?$"},{"type":"integer","minimum":1}]},
                  "grants":%s,
                  "room-config":%s}}""".formatted(GRANTS, ROOM_CONFIG))
            .outputSchema("""
                {"type":"object","required":["token","key","expires-at","ttl-seconds","grants"],"properties":{
                  "token":%s,"key":{"type":"string"},"identity":{"type":"string"},"room":{"type":"string"},
                  "preset":{"type":"string"},"expires-at":{"type":"string","format":"date-time"},
                  "ttl-seconds":{"type":"integer"},"grants":{"type":"object"}}}""".formatted(TOKEN))
            .idempotent(true)
            .build();

    static final OperationDescriptor INSPECT = OperationDescriptor.builder("token.inspect")
            .description("Decodes and verifies a token and explains its grants and expiry in plain words.")
            .inputSchema("""
                {"type":"object","required":["token"],"additionalProperties":false,
                 "properties":{"token":%s}}""".formatted(TOKEN))
            .outputSchema("""
                {"type":"object","required":["valid","verdict","reason","explanation"],"properties":{
                  "valid":{"type":"boolean"},
                  "verdict":{"enum":["valid","unsupported-algorithm","unknown-key","signature-mismatch",
                    "not-yet-valid","expired"]},
                  "reason":{"type":"string"},"key":{"type":"string"},"identity":{"type":"string"},
                  "room":{"type":"string"},"expires-at":{"type":"string"},"expires-in-seconds":{"type":"integer"},
                  "grants":{"type":"object"},"explanation":{"type":"array","items":{"type":"string"}}}}""")
            .idempotent(true)
            .build();

    static final OperationDescriptor VERIFY = OperationDescriptor.builder("token.verify")
            .description("Verifies a token (signature, key, expiry) and optionally its room, identity and grants.")
            .inputSchema("""
                {"type":"object","required":["token"],"additionalProperties":false,"properties":{
                  "token":%s,
                  "room":{"type":"string","minLength":1},
                  "identity":{"type":"string","minLength":1},
                  "require-grants":{"type":"array","items":{"enum":[%s]}}}}""".formatted(TOKEN,
                    Arrays.stream(Grant.values()).map(g -> "\"" + g.key() + "\"").collect(Collectors.joining(","))))
            .idempotent(true)
            .build();

    static final List<OperationDescriptor> ALL = List.of(MINT, INSPECT, VERIFY);

    private AuthDescriptors() {
    }
}
