package dev.switchboard.specialist.recording;

import dev.switchboard.spi.OperationDescriptor;
import java.util.List;

/** The recording specialist's operations and input schemas. */
final class RecordingDescriptors {

    private static final String ID = "{\"type\":\"string\",\"pattern\":\"^(RC_|EG_)\"}";

    static final List<OperationDescriptor> ALL = List.of(
            OperationDescriptor.builder("recording.start")
                    .description("Records a room's audio: backend 'embedded' (a hidden participant writing one WAV per"
                            + " track and a manifest) or 'egress' (LiveKit Egress, audio-only room composite).")
                    .inputSchema("""
                        {"type":"object","required":["room"],"additionalProperties":false,"properties":{
                          "room":{"type":"string","minLength":1},
                          "backend":{"enum":["embedded","egress"]},
                          "file-path":{"type":"string","minLength":1,
                                       "description":"egress only: where the egress writes (OGG)"}}}""")
                    .compensatedBy("recording.stop").build(),
            OperationDescriptor.builder("recording.stop")
                    .description("Stops a recording; embedded ones return their manifest.")
                    .inputSchema("""
                        {"type":"object","required":["recording-id"],"additionalProperties":false,
                         "properties":{"recording-id":%s}}""".formatted(ID))
                    .idempotent(true).build(),
            OperationDescriptor.builder("recording.list")
                    .description("Lists the embedded recordings this specialist made, optionally for one room.")
                    .inputSchema("""
                        {"type":"object","additionalProperties":false,"properties":{"room":{"type":"string"}}}""")
                    .idempotent(true).build());

    private RecordingDescriptors() {
    }
}
