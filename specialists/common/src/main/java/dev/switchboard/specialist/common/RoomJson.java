package dev.switchboard.specialist.common;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import livekit.LivekitModels;

/**
 * The JSON tree of a LiveKit {@code Room} (the reply of {@code room.create}, {@code room.get},
 * {@code room.list}) written field by field with the generated getters: the tree {@link ProtoTree}
 * builds, without its reflective field access, and without the TURN password. It is used only while
 * the {@code Room}, {@code Codec} and {@code TimedVersion} messages have exactly the fields it writes
 * (checked once against their descriptors): a LiveKit SDK whose protos grew a field falls back to
 * {@link ProtoTree}, so nothing is dropped silently. Stateless, thread-safe.
 */
final class RoomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final boolean CURRENT =
            numbers(LivekitModels.Room.getDescriptor()).equals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15))
            && numbers(LivekitModels.Codec.getDescriptor()).equals(Set.of(1, 2))
            && numbers(LivekitModels.TimedVersion.getDescriptor()).equals(Set.of(1, 2));

    private RoomJson() {
    }

    /** The room's tree without {@code turnPassword}, or empty when the protos have changed. */
    static Optional<ObjectNode> of(LivekitModels.Room room) {
        if (!CURRENT) {
            return Optional.empty();
        }
        ObjectNode out = NODES.objectNode();
        out.put("sid", room.getSid());
        out.put("name", room.getName());
        out.set("emptyTimeout", unsigned(room.getEmptyTimeout()));
        out.set("maxParticipants", unsigned(room.getMaxParticipants()));
        out.put("creationTime", Long.toString(room.getCreationTime()));
        ArrayNode codecs = out.putArray("enabledCodecs");
        for (LivekitModels.Codec codec : room.getEnabledCodecsList()) {
            codecs.addObject().put("mime", codec.getMime()).put("fmtpLine", codec.getFmtpLine());
        }
        out.put("metadata", room.getMetadata());
        out.set("numParticipants", unsigned(room.getNumParticipants()));
        out.put("activeRecording", room.getActiveRecording());
        out.set("numPublishers", unsigned(room.getNumPublishers()));
        if (room.hasVersion()) {
            out.putObject("version").put("unixMicro", Long.toString(room.getVersion().getUnixMicro()))
                    .put("ticks", room.getVersion().getTicks());
        }
        out.set("departureTimeout", unsigned(room.getDepartureTimeout()));
        out.put("creationTimeMs", Long.toString(room.getCreationTimeMs()));
        return Optional.of(out);
    }

    /** A uint32 as Jackson reads JsonFormat's text back: an int node when it fits, else a long node. */
    private static com.fasterxml.jackson.databind.JsonNode unsigned(int value) {
        return value >= 0 ? NODES.numberNode(value) : NODES.numberNode(Integer.toUnsignedLong(value));
    }

    private static Set<Integer> numbers(Descriptor type) {
        return type.getFields().stream().map(FieldDescriptor::getNumber).collect(Collectors.toSet());
    }
}
