package dev.switchboard.specialist.egress;

import dev.switchboard.spi.OperationDescriptor;
import java.util.List;

/** The egress specialist's operations and input schemas; outputs are validated here and by the schema gate. */
final class EgressDescriptors {

    /** File, RTMP/SRT stream and HLS segment outputs; at least one. */
    static final String OUTPUTS = """
            {"type":"object","minProperties":1,"additionalProperties":false,"properties":{
              "file":{"type":"object","required":["path"],"additionalProperties":false,"properties":{
                "path":{"type":"string","minLength":1,"pattern":"^(?!.*(^|/)\\\\.\\\\.(/|$)).*$",
                        "description":"where the egress writes, may use {room_name} {time} templates"},
                "type":{"enum":["mp4","ogg","mp3"]}}},
              "stream":{"type":"object","required":["urls"],"additionalProperties":false,"properties":{
                "urls":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^(rtmps?|srt)://.+"}}}},
              "segments":{"type":"object","required":["prefix"],"additionalProperties":false,"properties":{
                "prefix":{"type":"string","minLength":1},"playlist":{"type":"string","pattern":"\\\\.m3u8$"},
                "duration":{"type":"integer","minimum":1,"maximum":60}}}}}""";

    private static final String EGRESS_ID = "{\"type\":\"string\",\"pattern\":\"^EG_\"}";

    static final List<OperationDescriptor> ALL = List.of(
            OperationDescriptor.builder("egress.start-room-composite")
                    .description("Records or streams a whole room through a layout (needs an egress worker).")
                    .inputSchema("""
                        {"type":"object","required":["room","outputs"],"additionalProperties":false,"properties":{
                          "room":{"type":"string","minLength":1},"layout":{"type":"string"},
                          "audio-only":{"type":"boolean"},"video-only":{"type":"boolean"},"outputs":%s}}"""
                            .formatted(OUTPUTS))
                    .compensatedBy("egress.stop").build(),
            OperationDescriptor.builder("egress.start-participant")
                    .description("Records or streams one participant's audio and video.")
                    .inputSchema("""
                        {"type":"object","required":["room","identity","outputs"],"additionalProperties":false,
                         "properties":{"room":{"type":"string","minLength":1},
                          "identity":{"type":"string","minLength":1},
                          "screen-share":{"type":"boolean"},"outputs":%s}}""".formatted(OUTPUTS))
                    .compensatedBy("egress.stop").build(),
            OperationDescriptor.builder("egress.start-track")
                    .description("Exports one track without transcoding, to a file or a WebSocket.")
                    .inputSchema("""
                        {"type":"object","required":["room","track-sid"],"additionalProperties":false,
                         "oneOf":[{"required":["file-path"]},{"required":["websocket-url"]}],
                         "properties":{"room":{"type":"string","minLength":1},
                          "track-sid":{"type":"string","minLength":1},
                          "file-path":{"type":"string","minLength":1},
                          "websocket-url":{"type":"string","pattern":"^wss?://.+"}}}""")
                    .compensatedBy("egress.stop").build(),
            OperationDescriptor.builder("egress.start-web")
                    .description("Records or streams a web page.")
                    .inputSchema("""
                        {"type":"object","required":["url","outputs"],"additionalProperties":false,"properties":{
                          "url":{"type":"string","pattern":"^https?://.+"},"audio-only":{"type":"boolean"},
                          "video-only":{"type":"boolean"},"outputs":%s}}""".formatted(OUTPUTS))
                    .compensatedBy("egress.stop").build(),
            OperationDescriptor.builder("egress.list")
                    .description("Lists egresses, by room or id, optionally only active ones.")
                    .inputSchema("""
                        {"type":"object","additionalProperties":false,"properties":{
                          "room":{"type":"string"},"egress-id":%s,"active":{"type":"boolean"}}}""".formatted(EGRESS_ID))
                    .idempotent(true).build(),
            OperationDescriptor.builder("egress.stop").description("Stops an egress; its files are finalised.")
                    .inputSchema("""
                        {"type":"object","required":["egress-id"],"additionalProperties":false,
                         "properties":{"egress-id":%s}}""".formatted(EGRESS_ID))
                    .idempotent(true).build(),
            OperationDescriptor.builder("egress.update-layout").description("Changes a room-composite egress's layout.")
                    .inputSchema("""
                        {"type":"object","required":["egress-id","layout"],"additionalProperties":false,
                         "properties":{"egress-id":%s,"layout":{"type":"string","minLength":1}}}"""
                            .formatted(EGRESS_ID))
                    .idempotent(true).build(),
            OperationDescriptor.builder("egress.update-stream").description("Adds or removes RTMP/SRT stream URLs.")
                    .inputSchema("""
                        {"type":"object","required":["egress-id"],"additionalProperties":false,
                         "anyOf":[{"required":["add-urls"]},{"required":["remove-urls"]}],"properties":{
                          "egress-id":%s,
                          "add-urls":{"type":"array","items":{"type":"string","pattern":"^(rtmps?|srt)://.+"}},
                          "remove-urls":{"type":"array","items":{"type":"string"}}}}""".formatted(EGRESS_ID))
                    .compensatedBy("egress.update-stream").build());

    private EgressDescriptors() {
    }
}
