package dev.switchboard.specialist.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.switchboard.spi.Json;
import java.util.Optional;
import livekit.LivekitModels;

/**
 * Turns LiveKit protobuf messages into JSON payloads (proto field names in lowerCamelCase, as
 * LiveKit's own JSON APIs show them; default values included so fields are always present). The tree
 * is built straight from the message ({@link ProtoTree}; rooms, the hottest reply, by {@link RoomJson});
 * it is the tree protobuf's {@code JsonFormat} text parses into. Stateless, thread-safe.
 */
public final class ProtoJson {

    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

    private ProtoJson() {
    }

    /** The message as a JSON object, without credential fields (the room's TURN password). */
    public static ObjectNode toJson(MessageOrBuilder message) {
        if (message instanceof LivekitModels.Room room) {
            Optional<ObjectNode> fast = RoomJson.of(room);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        ObjectNode json = ProtoTree.object(message);
        json.remove("turnPassword");
        return json;
    }

    /**
     * The message printed by {@code JsonFormat} and parsed back by Jackson: the reference that
     * {@link #toJson} matches, and how well-known types ({@code google.protobuf.*}) are turned.
     */
    static JsonNode viaText(MessageOrBuilder message) {
        try {
            return Json.mapper().readTree(PRINTER.print(message));
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
        }
    }
}
