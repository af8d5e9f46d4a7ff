package dev.switchboard.specialist.room;

import dev.switchboard.spi.OperationDescriptor;
import java.util.List;

/** The room specialist's operations and their input schemas. Constants only. */
final class RoomDescriptors {

    private static final String ROOM = "{\"type\":\"string\",\"minLength\":1,\"maxLength\":256}";
    private static final String IDENTITY = "{\"type\":\"string\",\"minLength\":1,\"maxLength\":256}";
    private static final String ROOM_ONLY = """
            {"type":"object","required":["name"],"additionalProperties":false,
             "properties":{"name":%s}}""".formatted(ROOM);
    private static final String ROOM_AND_IDENTITY = """
            {"type":"object","required":["room","identity"],"additionalProperties":false,
             "properties":{"room":%s,"identity":%s}}""".formatted(ROOM, IDENTITY);

    static final List<OperationDescriptor> ALL = List.of(
            OperationDescriptor.builder("room.create")
                    .description("Creates a room (or adopts an existing one) with timeouts, limits, metadata, agents.")
                    .inputSchema("""
                        {"type":"object","required":["name"],"additionalProperties":false,"properties":{
                          "name":%s,
                          "empty-timeout":{"type":"integer","minimum":0,"description":"seconds an empty room lives"},
                          "departure-timeout":{"type":"integer","minimum":0,"description":"seconds after last leaves"},
                          "max-participants":{"type":"integer","minimum":0},
                          "metadata":{"type":"string","maxLength":65536},
                          "agents":{"type":"array","items":{"type":"object","required":["agent-name"],
                            "additionalProperties":false,"properties":{
                              "agent-name":{"type":"string","minLength":1},"metadata":{"type":"string"}}}}}}"""
                            .formatted(ROOM))
                    .compensatedBy("room.delete").idempotent(true).build(),
            OperationDescriptor.builder("room.list").description("Lists rooms, optionally only the named ones.")
                    .inputSchema("""
                        {"type":"object","additionalProperties":false,
                         "properties":{"names":{"type":"array","items":%s}}}""".formatted(ROOM))
                    .idempotent(true).build(),
            OperationDescriptor.builder("room.get").description("Gets one room; not_found when it does not exist.")
                    .inputSchema(ROOM_ONLY).idempotent(true).build(),
            OperationDescriptor.builder("room.delete").description("Deletes a room, disconnecting everyone in it.")
                    .inputSchema(ROOM_ONLY).destructive(true).idempotent(true).build(),
            OperationDescriptor.builder("room.update-metadata").description("Replaces a room's metadata.")
                    .inputSchema("""
                        {"type":"object","required":["name","metadata"],"additionalProperties":false,
                         "properties":{"name":%s,"metadata":{"type":"string","maxLength":65536}}}""".formatted(ROOM))
                    .compensatedBy("room.update-metadata").idempotent(true).build(),
            OperationDescriptor.builder("participant.list").description("Lists the participants of a room.")
                    .inputSchema("""
                        {"type":"object","required":["room"],"additionalProperties":false,
                         "properties":{"room":%s}}""".formatted(ROOM))
                    .idempotent(true).build(),
            OperationDescriptor.builder("participant.get").description("Gets one participant of a room.")
                    .inputSchema(ROOM_AND_IDENTITY).idempotent(true).build(),
            OperationDescriptor.builder("participant.remove").description("Disconnects a participant from a room.")
                    .inputSchema(ROOM_AND_IDENTITY).destructive(true).build(),
            OperationDescriptor.builder("participant.update")
                    .description("Updates a participant's name, metadata, attributes or permissions.")
                    .inputSchema("""
                        {"type":"object","required":["room","identity"],"additionalProperties":false,"properties":{
                          "room":%s,"identity":%s,"name":{"type":"string"},"metadata":{"type":"string"},
                          "attributes":{"type":"object","additionalProperties":{"type":"string"}},
                          "permission":{"type":"object","additionalProperties":false,"properties":{
                            "can-subscribe":{"type":"boolean"},"can-publish":{"type":"boolean"},
                            "can-publish-data":{"type":"boolean"},"hidden":{"type":"boolean"},
                            "can-update-metadata":{"type":"boolean"}}}}}""".formatted(ROOM, IDENTITY))
                    .compensatedBy("participant.update").idempotent(true).build(),
            OperationDescriptor.builder("track.mute").description("Mutes or unmutes a participant's published track.")
                    .inputSchema("""
                        {"type":"object","required":["room","identity","track-sid","muted"],
                         "additionalProperties":false,"properties":{"room":%s,"identity":%s,
                         "track-sid":{"type":"string","minLength":1},"muted":{"type":"boolean"}}}"""
                            .formatted(ROOM, IDENTITY))
                    .compensatedBy("track.mute").idempotent(true).build(),
            OperationDescriptor.builder("participant.update-subscriptions")
                    .description("Subscribes a participant to tracks or unsubscribes it.")
                    .inputSchema("""
                        {"type":"object","required":["room","identity","track-sids","subscribe"],
                         "additionalProperties":false,"properties":{"room":%s,"identity":%s,
                         "track-sids":{"type":"array","minItems":1,"items":{"type":"string"}},
                         "subscribe":{"type":"boolean"}}}""".formatted(ROOM, IDENTITY))
                    .compensatedBy("participant.update-subscriptions").idempotent(true).build(),
            OperationDescriptor.builder("agent.dispatch")
                    .description("Asks LiveKit to dispatch a named agent to a room (a registered worker takes it).")
                    .inputSchema("""
                        {"type":"object","required":["room","agent-name"],"additionalProperties":false,
                         "properties":{"room":%s,"agent-name":{"type":"string","minLength":1},
                          "metadata":{"type":"string","maxLength":65536}}}""".formatted(ROOM))
                    .compensatedBy("agent.dispatch-delete").build(),
            OperationDescriptor.builder("agent.dispatch-list").description("Lists the agent dispatches of a room.")
                    .inputSchema("""
                        {"type":"object","required":["room"],"additionalProperties":false,
                         "properties":{"room":%s,"dispatch-id":{"type":"string"}}}""".formatted(ROOM))
                    .idempotent(true).build(),
            OperationDescriptor.builder("agent.dispatch-delete").description("Deletes an agent dispatch.")
                    .inputSchema("""
                        {"type":"object","required":["room","dispatch-id"],"additionalProperties":false,
                         "properties":{"room":%s,"dispatch-id":{"type":"string","minLength":1}}}""".formatted(ROOM))
                    .idempotent(true).build());

    private RoomDescriptors() {
    }
}
